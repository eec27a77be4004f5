import DigestStorage
import DigestModel
import DigestRendering
/// The items read from JSON input, and the problems of those that could not be read.
package struct ItemRecordBatch: Sendable {
    package let records: [ItemRecord]
    package let problems: [ValidationProblem]
}
