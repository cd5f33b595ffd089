/// What text Kino accepts and how it prints it: one rule for every field, so a name, a prompt
/// and a description are refused for the same reasons, and nothing read from a project can
/// drive the terminal it is printed on.
public enum TextRules {
    /// The kinds of text field, each with its length limit and whether it may span lines.
    public enum Field: Sendable {
        case name(kind: String)
        case prompt
        case description(of: String)
        case environment
        case label

        var title: String {
            switch self {
            case .name(let kind): return "the \(kind) name"
            case .prompt: return "the prompt"
            case .description(let of): return "the \(of) description"
            case .environment: return "the scene environment"
            case .label: return "the marker label"
            }
        }

        var limit: Int {
            switch self {
            case .name, .label: return Limits.maxNameLength
            case .prompt: return Limits.maxPromptLength
            case .description, .environment: return Limits.maxDescriptionLength
            }
        }

        /// Prompts and descriptions may hold line breaks; names are one line.
        var allowsNewlines: Bool {
            switch self {
            case .prompt, .description: return true
            case .name, .environment, .label: return false
            }
        }
    }

    /// Refuses text over the field's limit or holding a control character (a newline only where
    /// the field allows one). The error names the field and the first offending character.
    public static func check(_ text: String, as field: Field) throws {
        guard text.count <= field.limit else { throw ValidationError.textTooLong(field: field.title, limit: field.limit) }
        if let bad = text.unicodeScalars.first(where: { isRefused($0, allowingNewline: field.allowsNewlines) }) {
            throw ValidationError.controlCharacter(field: field.title, character: bad.codePointText)
        }
    }

    /// C0 and C1 control characters and DEL; a newline when allowed. Tabs are refused too: they
    /// print differently everywhere.
    static func isRefused(_ s: Unicode.Scalar, allowingNewline: Bool) -> Bool {
        if s == "\n" { return !allowingNewline }
        return s.isControl || s.isBidiOverride
    }
}

extension Unicode.Scalar {
    /// C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F): bytes a terminal acts on.
    var isControl: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }
    /// Bidirectional overrides and isolates, which reorder what a reader sees.
    var isBidiOverride: Bool { (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) }
    var codePointText: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension String {
    /// The text with every control character (except newline and tab) shown as an escape such as
    /// `\u001b`, so that printing data to a terminal can never retitle, recolour or move it.
    public var terminalSafe: String {
        guard unicodeScalars.contains(where: { ($0.isControl && $0 != "\n" && $0 != "\t") || $0.isBidiOverride }) else { return self }
        var out = String.UnicodeScalarView()
        for s in unicodeScalars {
            if (s.isControl && s != "\n" && s != "\t") || s.isBidiOverride {
                // \uXXXX: readable, and still valid inside a JSON string.
                let hex = String(s.value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    /// The text on one line: like `terminalSafe`, with newlines and tabs escaped as well.
    public var terminalSafeLine: String {
        terminalSafe.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
    }
}
