import DigestStorage
import DigestModel
import DigestRendering
/// An item about to be added, with where it came from for error messages.
package struct NewItem: Sendable {
    package let fields: ItemFields
    /// "line 3", "item 2": shown before each problem of this item.
    package let location: String?
    /// Who wrote it, when it is not the person adding it (a backlog item).
    package var addedBy: String?
    package var editedBy: String?
    /// The backlog item this one continues.
    package var origin: Int?
    /// The id it must get, when it was decided beforehand (an archive import
    /// renders editions before the rows are stored).
    package var id: Int?

    package init(fields: ItemFields, location: String? = nil) {
        self.fields = fields
        self.location = location
    }
}
