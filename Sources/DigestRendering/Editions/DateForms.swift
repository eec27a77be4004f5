import DigestModel
/// The printed forms of the dates of one issue, each made once: an issue's
/// items share a handful of dates, and formatting is most of what building
/// the template context costs.
struct DateForms {
    struct Forms {
        let iso: String
        let long: String
        let slashed: String
    }

    private var dates: [CivilDate] = []
    private var forms: [Forms] = []

    mutating func forms(of date: CivilDate) -> Forms {
        if let index = dates.lastIndex(of: date) { return forms[index] }
        let made = Forms(iso: date.iso, long: date.long, slashed: date.slashed)
        if dates.count < 32 {
            dates.append(date)
            forms.append(made)
        }
        return made
    }
}
