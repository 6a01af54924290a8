import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// The gateway's HTML pages: Mustache templates (`Web/templates/*.mustache`, partials by file
/// name) and the few static files they link (`Web/static`), read once from the bundle. Every
/// `{{value}}` is HTML-escaped; pages carry no script and no inline style, so the strict
/// `Content-Security-Policy` of ``SecurityHeadersMiddleware`` holds. The public form uses it,
/// and the console can.
public struct WebPages: Sendable {
    let library: MustacheLibrary
    let staticFiles: [String: (type: String, bytes: [UInt8])]

    /// The bundled pages; none if the bundle cannot be read (a broken build, which every page
    /// then answers with a 500 problem, and the page tests catch).
    public static let shared = (try? WebPages()) ?? WebPages(library: MustacheLibrary(), staticFiles: [:])

    init(library: MustacheLibrary, staticFiles: [String: (type: String, bytes: [UInt8])]) {
        self.library = library
        self.staticFiles = staticFiles
    }

    init() throws {
        guard let web = Bundle.module.url(forResource: "Web", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Web"])
        }
        var templates: [String: MustacheTemplate] = [:]
        let templateDirectory = web.appendingPathComponent("templates")
        for name in try FileManager.default.contentsOfDirectory(atPath: templateDirectory.path) where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: templateDirectory.appendingPathComponent(name), encoding: .utf8)
            templates[String(name.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
        }
        library = MustacheLibrary(templates: templates)
        var files: [String: (String, [UInt8])] = [:]
        let staticDirectory = web.appendingPathComponent("static")
        for name in try FileManager.default.contentsOfDirectory(atPath: staticDirectory.path) {
            guard let type = Self.staticTypes[URL(fileURLWithPath: name).pathExtension] else { continue }
            files[name] = (type, Array(try Data(contentsOf: staticDirectory.appendingPathComponent(name))))
        }
        staticFiles = files
    }

    static let staticTypes = ["css": "text/css; charset=utf-8", "svg": "image/svg+xml", "png": "image/png"]

    /// The template `name` rendered with `context` as a `text/html` answer.
    public func page(_ name: String, _ context: [String: Any], status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        guard let html = library.render(context, withTemplate: name) else {
            throw Problem(.internalServerError, "internal", title: "Internal error", detail: "This page is missing from the gateway's build.")
        }
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// `GET /static/NAME`: one of the bundled static files, or 404.
    func addRoutes(to router: Router<LiaisonRequestContext>) {
        router.get("static/:name") { _, context -> Response in
            guard let name = context.parameters.get("name"), let file = staticFiles[name] else { throw Problem.pageNotFound }
            return Response(status: .ok, headers: [.contentType: file.type], body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
        }
    }
}
