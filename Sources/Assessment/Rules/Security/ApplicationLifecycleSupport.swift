import CloudFirstCore

// Shared by the application lifecycle rules (past support, support ending).

/// The applications and middleware a server runs that the catalogue knows, with where each is written.
func applications(on server: Server, in context: AssessmentContext) -> [(LifecycleEntry, Software)] {
    server.software.compactMap { software in context.application(of: software).map { ($0, software) } }
}

let applicationLifecycleSource = "REFERENCE.md section 6 (endoflife.date and vendor lifecycle pages) and "
    + "section 9 (NHS Identity Agent retiring as CIS2 Smartcard Connect becomes the default client from February "
    + "2027), through the embedded catalogue Catalogues/lifecycle.csv, whose rows each cite their source; DSPT Data "
    + "Security Standard 8, unsupported systems (REFERENCE.md section 9)"
