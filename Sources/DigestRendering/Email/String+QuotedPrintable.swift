import DigestModel
extension String {
    /// This text in quoted-printable, as `QuotedPrintable` encodes it.
    package var quotedPrintable: String {
        var text = self
        return text.withUTF8 { input in
            String(unsafeUninitializedCapacity: QuotedPrintable.maximumLength(of: input)) { output in
                guard let base = output.baseAddress else { return 0 }
                let written = QuotedPrintable.encode(input, into: base)
                precondition(written <= output.count, "quoted-printable overran its bound")
                return written
            }
        }
    }
}
