import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

#if canImport(Glibc)
import Glibc
#endif

/// A small client of the W3C WebDriver protocol (https://www.w3.org/TR/webdriver2/), driving
/// Debian's `chromium` through its `chromedriver` over loopback HTTP: enough to load pages, fill
/// and submit forms, press keys, read what a person sees and take screenshots. Each
/// ``withBrowser(acceptLanguage:_:)`` starts its own chromedriver on a free port and a headless
/// Chromium, and ends both however the body ends. Never skips: a missing chromedriver fails.
public enum WebDriver {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The chromedriver binary: `LIAISON_CHROMEDRIVER`, else `chromedriver` on `PATH`.
    static var driverProgram: String { ProcessInfo.processInfo.environment["LIAISON_CHROMEDRIVER"] ?? "chromedriver" }

    /// Starts chromedriver with only stdin, stdout and stderr open. Otherwise it would inherit
    /// the test run's descriptors, among them the machine's build lock that `deploy/local/test`
    /// holds: a chromedriver outliving a killed test run would keep every other build waiting.
    static let closeInheritedFiles =
        #"for fd in $(ls /proc/$$/fd); do if [ "$fd" -gt 2 ] && [ -e "/proc/$$/fd/$fd" ]; then eval "exec $fd>&-"; fi; done; exec "$@""#

    /// Runs `body` with a fresh headless Chromium whose `Accept-Language` is `acceptLanguage`,
    /// in a window `width` × `height` CSS pixels.
    public static func withBrowser<T: Sendable>(
        acceptLanguage: String = "en", width: Int = 1100, height: Int = 1400, _ body: (Session) async throws -> T
    ) async throws -> T {
        let port = BuiltBinary.freePort()
        let driver = try BuiltBinary.start(["-c", closeInheritedFiles, "bash", driverProgram, "--port=\(port)", "--allowed-ips=127.0.0.1"], program: "/bin/bash")
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let base = "http://127.0.0.1:\(port)"
        do {
            try await waitUntilReady(client, base: base, driver: driver)
            let capabilities: [String: Any] = [
                "capabilities": [
                    "alwaysMatch": [
                        "browserName": "chrome",
                        "goog:chromeOptions": [
                            "binary": ProcessInfo.processInfo.environment["LIAISON_CHROMIUM"] ?? "/usr/bin/chromium",
                            "args": [
                                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                                "--disable-extensions", "--disable-background-networking", "--disable-sync", "--hide-scrollbars",
                                "--window-size=\(width),\(height)", "--lang=\(acceptLanguage)",
                            ],
                            "prefs": ["intl.accept_languages": acceptLanguage],
                        ],
                    ]
                ]
            ]
            let created = try await call(client, .POST, base + "/session", capabilities)
            guard let sessionID = (created as? [String: Any])?["sessionId"] as? String else {
                throw Failure(description: "chromedriver made no session: \(String(describing: created))")
            }
            let session = Session(client: client, base: base + "/session/" + sessionID)
            do {
                let result = try await body(session)
                _ = try? await call(client, .DELETE, session.base, nil)
                try await stop(client, driver)
                return result
            } catch {
                _ = try? await call(client, .DELETE, session.base, nil)
                throw error
            }
        } catch {
            try? await stop(client, driver)
            throw error
        }
    }

    /// Ends chromedriver with SIGKILL: it inherits the test thread's blocked SIGTERM, and has
    /// nothing to save once its session (and so its Chromium) is gone.
    private static func stop(_ client: HTTPClient, _ driver: BuiltBinary.Running) async throws {
        kill(driver.pid, SIGKILL)
        try await driver.waitForExit()
        try await client.shutdown()
    }

    private static func waitUntilReady(_ client: HTTPClient, base: String, driver: BuiltBinary.Running) async throws {
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if let status = try? await call(client, .GET, base + "/status", nil) as? [String: Any], status["ready"] as? Bool == true {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure(description: "chromedriver did not start: \(BuiltBinary.read(driver.stderr)) \(BuiltBinary.read(driver.stdout))")
    }

    /// One WebDriver command: a JSON body in, the answer's `value` out; a WebDriver error
    /// (RFC-style `{"value": {"error": …}}`) becomes a ``Failure``.
    static func call(_ client: HTTPClient, _ method: HTTPMethod, _ url: String, _ body: Any?) async throws -> Any? {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        if let body {
            request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
        } else if method == .POST {
            request.body = .bytes(ByteBuffer(string: "{}"))
        }
        let response = try await client.execute(request, timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: 64 << 20)
        let document = try JSONSerialization.jsonObject(with: Data(buffer: bytes), options: [.fragmentsAllowed]) as? [String: Any]
        let value = document?["value"]
        if response.status.code >= 400 {
            let error = value as? [String: Any]
            throw Failure(description: "WebDriver \(method) \(url): \(error?["error"] ?? response.status.code) \(error?["message"] ?? "")")
        }
        return value is NSNull ? nil : value
    }

    /// A browser session: one window.
    public struct Session: Sendable {
        let client: HTTPClient
        let base: String

        static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

        public func go(_ url: String) async throws { _ = try await call(client, .POST, base + "/url", ["url": url]) }
        public func title() async throws -> String { try await call(client, .GET, base + "/title", nil) as? String ?? "" }
        public func currentURL() async throws -> String { try await call(client, .GET, base + "/url", nil) as? String ?? "" }
        /// The page's HTML as the browser now holds it.
        public func source() async throws -> String { try await call(client, .GET, base + "/source", nil) as? String ?? "" }

        /// The first element matching a CSS selector; fails when there is none.
        public func element(_ selector: String) async throws -> Element {
            let found = try await call(client, .POST, base + "/element", ["using": "css selector", "value": selector])
            guard let id = (found as? [String: Any])?[Self.elementKey] as? String else {
                throw Failure(description: "no element \(selector)")
            }
            return Element(session: self, id: id, selector: selector)
        }

        /// Every element matching a CSS selector.
        public func elements(_ selector: String) async throws -> [Element] {
            let found = try await call(client, .POST, base + "/elements", ["using": "css selector", "value": selector]) as? [[String: Any]]
            return (found ?? []).compactMap { $0[Self.elementKey] as? String }.map { Element(session: self, id: $0, selector: selector) }
        }

        /// The element that has the keyboard focus.
        public func focused() async throws -> Element {
            let found = try await call(client, .GET, base + "/element/active", nil)
            guard let id = (found as? [String: Any])?[Self.elementKey] as? String else { throw Failure(description: "nothing focused") }
            return Element(session: self, id: id, selector: ":focus")
        }

        /// Presses and releases one key (a WebDriver key code such as ``Key/tab``) on the focused element.
        public func press(_ key: String) async throws {
            let actions: [String: Any] = [
                "actions": [["type": "key", "id": "keyboard", "actions": [["type": "keyDown", "value": key], ["type": "keyUp", "value": key]]]]
            ]
            _ = try await call(client, .POST, base + "/actions", actions)
        }

        /// Runs `script` (a function body; `arguments` are its arguments) in the page and returns
        /// its result. WebDriver runs it outside the page's Content-Security-Policy: for a test
        /// to play a robot, or to measure layout, never for what a person does.
        public func execute(_ script: String, _ arguments: [Any] = []) async throws -> Any? {
            try await call(client, .POST, base + "/execute/sync", ["script": script, "args": arguments])
        }

        /// The cookies the browser holds for the current page, each as WebDriver serialises it
        /// (`name`, `value`, `path`, `httpOnly`, `secure`, `sameSite`, ...), HttpOnly ones too.
        public func cookies() async throws -> [[String: Any]] {
            try await call(client, .GET, base + "/cookie", nil) as? [[String: Any]] ?? []
        }

        /// A PNG of what the window shows.
        public func screenshot() async throws -> Data {
            guard let text = try await call(client, .GET, base + "/screenshot", nil) as? String, let data = Data(base64Encoded: text) else {
                throw Failure(description: "no screenshot")
            }
            return data
        }

        /// Writes a screenshot to `DIRECTORY/name.png` when `LIAISON_SCREENSHOTS` names a
        /// directory; otherwise does nothing. How the README's pictures are made.
        public func screenshotIfAsked(_ name: String) async throws {
            guard let directory = ProcessInfo.processInfo.environment["LIAISON_SCREENSHOTS"], !directory.isEmpty else { return }
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try await screenshot().write(to: URL(fileURLWithPath: directory).appendingPathComponent(name + ".png"))
        }
    }

    /// Key codes of the WebDriver specification, section 17.4.2.
    public enum Key {
        public static let tab = "\u{E004}"
        public static let enter = "\u{E007}"
    }

    public struct Element: Sendable {
        let session: Session
        public let id: String
        let selector: String

        var base: String { session.base + "/element/" + id }

        public func click() async throws { _ = try await call(session.client, .POST, base + "/click", nil) }
        public func clear() async throws { _ = try await call(session.client, .POST, base + "/clear", nil) }
        public func type(_ text: String) async throws { _ = try await call(session.client, .POST, base + "/value", ["text": text]) }
        /// The element's rendered text, as a person reads it.
        public func text() async throws -> String { try await call(session.client, .GET, base + "/text", nil) as? String ?? "" }
        public func attribute(_ name: String) async throws -> String? {
            try await call(session.client, .GET, base + "/attribute/" + name, nil) as? String
        }
        public func property(_ name: String) async throws -> Any? { try await call(session.client, .GET, base + "/property/" + name, nil) }
        public func isDisplayed() async throws -> Bool { try await call(session.client, .GET, base + "/displayed", nil) as? Bool ?? false }

        /// Waits until the page that held this element is gone (a form posted, a link followed)
        /// and the next one has loaded: a click does not always wait for the navigation it starts,
        /// and in between the old page, or no page, answers.
        public func waitUntilReplaced(timeout: Duration = .seconds(10)) async throws {
            let clock = ContinuousClock()
            let deadline = clock.now + timeout
            var stale = false
            while clock.now < deadline {
                if !stale {
                    stale = (try? await call(session.client, .GET, base + "/name", nil)) == nil
                } else if (try? await session.execute("return document.readyState;")) as? String == "complete" {
                    return
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            throw Failure(description: "the page holding \(selector) was not replaced within \(timeout)")
        }
    }
}
