import LiaisonTestSupport

/// What the console's browser tests do on every page: follow a link or button, and sign in.
extension WebDriver.Session {
    /// Clicks what `selector` names and waits for the page it leads to.
    func follow(_ selector: String) async throws {
        let page = try await element("html")
        try await element(selector).click()
        try await page.waitUntilReplaced()
    }

    /// Opens the console as a person without a session (which leads to sign-in) and signs in
    /// through the form, pasting `key`.
    func signInToConsole(_ base: String, key: String) async throws {
        try await go(base + "/console/")
        guard try await currentURL().hasSuffix("/console/sign-in") else {
            throw ConsoleBrowsingFailure(detail: "the console did not lead to sign-in")
        }
        try await element("#key").type(key)
        try await follow("#sign-in")
    }

    /// Builds a form the page does not offer, posting `fields` to `action`, and submits it: what
    /// a forged request from the signed-in person's browser would send.
    func postForged(to action: String, _ fields: [(String, String)]) async throws {
        _ = try await execute(
            """
            const form = document.createElement('form');
            form.method = 'post'; form.action = arguments[0];
            for (const [name, value] of arguments[1]) {
              const input = document.createElement('input'); input.type = 'hidden'; input.name = name; input.value = value;
              form.appendChild(input);
            }
            const button = document.createElement('button'); button.id = 'forged'; form.appendChild(button);
            document.body.appendChild(form);
            """, [action, fields.map { [$0.0, $0.1] }])
        try await follow("#forged")
    }
}

struct ConsoleBrowsingFailure: Error { var detail: String }
