@testable import Generation
import Foundation
import Testing

@Suite struct TemplateTests {
    @Test func aTemplateThatDoesNotParseIsNamedWithItsLine() {
        #expect(throws: TemplateError(template: "terraform/aws/wave/main.tf.mustache", line: 3, column: 6,
                                      message: "does not parse: a section is closed with the wrong name")) {
            try TemplateSet(files: ["terraform/aws/wave/main.tf.mustache": "# a\n{{#servers}}\nx {{/server}}\n"],
                            origin: "test")
        }
    }

    @Test func aMissingPartialIsAnError() {
        #expect(throws: TemplateError(template: "terraform/aws/wave/main.tf.mustache", line: 2, column: nil,
                                      message: "includes the partial 'tags', which no template defines")) {
            try TemplateSet(files: ["terraform/aws/wave/main.tf.mustache": "# a\n{{> tags}}\n"], origin: "test")
        }
    }

    @Test func renderedTerraformThatDoesNotBalanceIsCaught() throws {
        for (text, line, message) in [
            ("resource \"a\" \"b\" {\n  x = [1, 2\n}\n", 3, "'}' closes nothing that is open"),
            ("locals {\n  x = \"open\n}\n", 2, "a string is not closed"),
            ("locals {\n  x = 1\n", 1, "'{' is never closed"),
        ] {
            #expect(throws: TemplateError(template: "t", line: line, column: nil,
                                          message: "renders invalid Terraform: \(message)")) {
                try HCLCheck.check(text, template: "t")
            }
        }
        try HCLCheck.check("# a comment with a \" quote and { brace\nlocals {\n  x = \"${var.a}-${join(\",\", [\"}\"])}\"\n"
            + "  y = \"$${literal}\"\n}\n", template: "t")
    }

    /// Inventory text can never end an HCL string or start an interpolation.
    @Test func valuesAreEscapedForHCL() throws {
        let set = try TemplateSet(files: ["x/main.tf.mustache": "{{% CONTENT_TYPE: HCL }}\nlocals {\n  v = \"{{v}}\"\n}\n"],
                                  origin: "test")
        let text = set.render("x", "main.tf", ["v": "a \"b\" \\ ${c} %{d}\nnext"])
        #expect(text == "locals {\n  v = \"a \\\"b\\\" \\\\ $${c} %%{d}\\nnext\"\n}\n")
        try HCLCheck.check(text, template: "x/main.tf.mustache")
    }

    @Test func identifiersFollowEachProvidersRules() {
        var unique = Identifiers.Unique.resources()
        #expect(unique.take("app-01") == "app_01")
        #expect(unique.take("app_01") == "app_01_2")
        #expect(unique.take("9sql") == "server_9sql")
        #expect(Identifiers.label("Head of Digital (Community)") == "head_of_digital_community_")
        #expect(Identifiers.label(String(repeating: "x", count: 80)).count == 63)
        #expect(Identifiers.hostname("nsh-theatre-db01.trust.nhs.uk") == "nsh-theatre-db0")
        #expect(Identifiers.hostname("9sql") == "vm9sql")
        var hosts = Identifiers.Unique.hostnames()
        #expect(hosts.take("app-01") == "app-01")
        #expect(hosts.take("app_01") == "app-01-2")
        #expect(hosts.take("nsh-theatre-db01") == "nsh-theatre-db0")
        #expect(hosts.take("nsh-theatre-db02") == "nsh-theatre-d-2")
        #expect(hosts.take("nsh-theatre-d") == "nsh-theatre-d")
        #expect(hosts.take("nsh-theatre-d") == "nsh-theatre-d-3")
        #expect(Identifiers.databaseIdentifier("pg.db--01") == "pg-db-01")
        var databases = Identifiers.Unique.databases()
        let long = "northshire-pathology-lims-database-server-0"
        #expect(databases.take(long + "1") == "northshire-pathology-lims-database-serve")
        #expect(databases.take(long + "2") == "northshire-pathology-lims-database-ser-2")
        #expect(databases.take("db_01") == "db-01")
        #expect(databases.take("DB-01") == "db-01-2")
        let account = Identifiers.storageAccount(for: nil)
        #expect(account.range(of: "^[a-z0-9]{3,24}$", options: .regularExpression) != nil)
    }
}
