import CordonCore

/// One thing wrong with a playbook or scenario file, where a person finds it:
/// `playbooks/pi-leak.yaml:42:9: step 'isolate' is owned by unknown role 'cmdr'`.
public struct DocumentDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        switch (line, column) {
        case let (line?, column?): "\(file):\(line):\(column): \(message)"
        case let (line?, nil): "\(file):\(line): \(message)"
        default: "\(file): \(message)"
        }
    }
}

/// A file that could not be loaded, with every problem found in it.
public struct DocumentError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [DocumentDiagnostic]
    /// The whole error in Chinese, for the few that a responder meets without opening a file (an
    /// id that names no playbook or scenario). Diagnostics about a file's contents stay in
    /// English, the language of the YAML keys they point at.
    public var chinese: String?

    public init(_ diagnostics: [DocumentDiagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(file: String, line: Int? = nil, message: String) {
        self.init([DocumentDiagnostic(file: file, line: line, message: message)])
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }

    /// The error in `language`: the Chinese wording where there is one.
    public func text(_ language: Language) -> String {
        language == .zh ? chinese ?? description : description
    }
}
