/// `--pr-title=́value`: to Swift, `=` and a combining mark after it are one character, so the argument parser
/// finds no `=`; such an argument is split where its scalars have the `=`.
enum CommandLineArguments {
    static func split(_ arguments: [String]) -> [String] {
        arguments.flatMap { argument -> [String] in
            guard argument.hasPrefix("--"), !argument.contains("="),
                let equals = argument.unicodeScalars.firstIndex(of: "=")
            else { return [argument] }
            let scalars = argument.unicodeScalars
            return [String(scalars[..<equals]), String(scalars[scalars.index(after: equals)...])]
        }
    }
}
