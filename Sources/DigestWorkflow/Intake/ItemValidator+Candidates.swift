import DigestStorage
import DigestModel
import DigestRendering
extension ItemValidator {
    /// A candidate from raw values (a feed entry, a fetched page): title and
    /// url are required, the other fields optional; every field given is
    /// checked exactly as typed input is, and every problem is reported.
    package func candidate(_ values: [String: String], location: String? = nil) throws(DigestError) -> CandidateFields {
        var read = FieldReader(values: values, location: location, validator: self)
        let title = read.required("title", rules: .title)
        let url = read.url()
        let source = read.optional("source", rules: .source)
        let author = read.optional("author", rules: .author)
        let date = read.date("date", required: false)
        let excerpt = read.optional("excerpt", rules: .excerpt(limit: excerptLimit))
        let section = read.optional("section", rules: .section)
        guard read.problems.isEmpty, let title, let url else { throw .invalid(read.problems) }
        return CandidateFields(title: title, url: url, source: source, author: author, date: date,
                               excerpt: excerpt, section: section)
    }
}
