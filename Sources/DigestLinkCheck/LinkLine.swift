/// The JSON shape of one input line, before its address is validated.
/// Other keys are ignored, so callers may pass whole item records.
struct LinkLine: Decodable {
    let id: Int
    let url: String

    private enum CodingKeys: String, CodingKey {
        case id, url
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            id = try container.decode(Int.self, forKey: .id)
        } catch let error as DecodingError {
            throw error
        } catch {
            // On Linux a fraction or an out-of-range number given for an Int
            // throws an internal error that would reach the caller as "not
            // valid JSON" with no key; name the key instead.
            throw DecodingError.typeMismatch(
                Int.self, DecodingError.Context(codingPath: [CodingKeys.id], debugDescription: String(describing: error))
            )
        }
        url = try container.decode(String.self, forKey: .url)
    }
}
