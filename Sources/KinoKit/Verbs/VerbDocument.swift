import Foundation
import KinoCore

/// The verb reference of Docs/CLI.md, generated from the table (a test checks that the
/// committed text between the markers equals this).
extension Verbs {
    public static let documentBegin = "<!-- generated from Sources/KinoKit/Verbs: begin -->"
    public static let documentEnd = "<!-- generated from Sources/KinoKit/Verbs: end -->"

    /// One section per verb: usage, doc, every argument with its kind and help.
    public static func referenceMarkdown() -> String {
        var out = """
        ## Verbs

        Every verb below is one entry of the verb table (`Sources/KinoKit/Verbs/`): `kino VERB PATH …`
        on the command line, one line of `kino batch`, and `:VERB …` in the editor (where the
        selected shot, scene or character fills the arguments marked *selection*). Times inside a
        shot are seconds or timecode from its start, or negative seconds from its end; numbers are
        plain decimals (`0x10` is refused) within the limits shown.

        """
        for v in all {
            out += "\n### \(v.name)\n\n\(v.doc).\n\n`\(v.usage)`"
            if !v.aliases.isEmpty { out += " — also `\(v.aliases.joined(separator: "`, `"))`" }
            out += "\n"
            if v.arguments.isEmpty { continue }
            out += "\n| argument | accepts | |\n| --- | --- | --- |\n"
            for a in v.arguments {
                var notes: [String] = []
                if a.required { notes.append("required") }
                if a.fromSelection { notes.append("selection") }
                if a.positional { notes.append("positional on the `:` line") }
                if a.repeatable { notes.append("repeatable") }
                out += "| `--\(a.name)` | \(describe(a)) | \(([a.help] + notes).joined(separator: "; ")) |\n"
            }
        }
        return out
    }

    static func describe(_ a: VerbArgument) -> String {
        switch a.kind {
        case .text: return "text"
        case .shotTime: return "time in the shot"
        case .timelineRange: return "A-B on the timeline"
        case .duration: return "seconds or timecode, 1 frame … \(Int(Limits.maxShotSeconds)) s"
        case .number(let r): return "number \(CheckedNumber.show(r.lowerBound))…\(CheckedNumber.show(r.upperBound))"
        case .integer(let r): return "whole number \(r.lowerBound)…\(r.upperBound)"
        case .seed: return "whole number ≥ 0"
        case .vector: return "X,Y,Z"
        case .shot: return "shot id or position"
        case .scene: return "scene id, position or name"
        case .character: return "character id or name" + (a.allowsNone ? ", or none" : "")
        case .lighting: return "lighting id or name" + (a.allowsNone ? ", or none" : "")
        case .take: return "take number or id"
        case .choice(let words): return words.map { "`\($0)`" }.joined(separator: " ")
        case .flag: return "switch"
        case .path: return "file"
        }
    }

    /// `text` with the part between the markers replaced by `generated`.
    public static func replacingGenerated(in text: String, with generated: String, begin: String, end: String) -> String? {
        guard let a = text.range(of: begin), let b = text.range(of: end), a.upperBound <= b.lowerBound else { return nil }
        return String(text[..<a.upperBound]) + "\n" + generated + "\n" + String(text[b.lowerBound...])
    }
}
