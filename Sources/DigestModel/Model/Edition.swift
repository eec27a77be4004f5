/// A published edition: the exact bytes that went out.
package struct Edition: Equatable, Sendable {
    package let issue: Int
    package let edition: Int
    /// The issue version that was published.
    package let version: Int
    package let publishedAt: String
    package let publishedBy: String
    package let messageID: String
    package let markdown: String
    package let html: String
    package let text: String
    package let email: String

    package init(issue: Int, edition: Int, version: Int, publishedAt: String, publishedBy: String, messageID: String, markdown: String, html: String, text: String, email: String) {
        self.issue = issue
        self.edition = edition
        self.version = version
        self.publishedAt = publishedAt
        self.publishedBy = publishedBy
        self.messageID = messageID
        self.markdown = markdown
        self.html = html
        self.text = text
        self.email = email
    }
}
