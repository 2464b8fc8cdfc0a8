import CloudFirstCore
let result = EstateLoader.load(paths: Array(CommandLine.arguments.dropFirst()))
for d in result.diagnostics { print(d.rendered) }
print(result.estate != nil ? "valid" : "invalid")
