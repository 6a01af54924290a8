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
}

struct ConsoleBrowsingFailure: Error { var detail: String }
