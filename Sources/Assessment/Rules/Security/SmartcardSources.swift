import CloudFirstCore

/// The NHS England Digital pages the smartcard rules rest on, with what they say.
enum SmartcardSources {
    static let citation = "REFERENCE.md section 9 (CIS2 Smartcard Connect authenticates series 8 and 9 smartcards "
        + "over the internet and becomes the default client from February 2027 as NHS Identity Agent retires); NHS "
        + "England Digital, 'Smartcard software for authentication via the internet' (Care Identity Service, CIS2 "
        + "Authentication pages) and 'NHS Smartcard Connect' (Identity Agent works with series 8 and 9 cards until "
        + "28 February 2027; install Smartcard Connect only once every Spine application on the machine supports "
        + "CIS2 Authentication)"

    /// The last day NHS Identity Agent works with series 8 and 9 smartcards ('NHS Smartcard Connect').
    static let identityAgentEnds = CalendarDate(year: 2027, month: 2, day: 28)!  // Safe: a literal, real date.
}
