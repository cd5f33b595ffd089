import Foundation
import KinoCore
import KinoEngine

/// A verb as typed, before it is checked against a project: its name, the values given by
/// argument name, and bare words for positional arguments (the `:` line's `:extend 2 dusk`).
public struct VerbInvocation: Hashable, Sendable {
    public var verb: String
    public var values: [String: [String]]
    public var positional: [String]

    public init(_ verb: String, _ values: [String: [String]] = [:], positional: [String] = []) {
        self.verb = verb; self.values = values; self.positional = positional
    }

    /// Adds a value when one is given (CLI options that were not typed are skipped).
    public mutating func set(_ name: String, _ value: String?) {
        if let value { values[name, default: []].append(value) }
    }
    public mutating func set(_ name: String, _ list: [String]) {
        if !list.isEmpty { values[name, default: []] += list }
    }
    public mutating func set(_ name: String, flag: Bool) {
        if flag { values[name] = ["true"] }
    }
}

/// What the editor's selection supplies to arguments marked `fromSelection`.
public struct VerbContext: Hashable, Sendable {
    public var selectedShot: ShotID?
    public var selectedCharacter: CharacterID?
    public init(selectedShot: ShotID? = nil, selectedCharacter: CharacterID? = nil) {
        self.selectedShot = selectedShot; self.selectedCharacter = selectedCharacter
    }
}

/// A verb with its arguments checked against a project: ready to perform.
public struct ResolvedVerb: Sendable {
    public let verb: Verb
    public let arguments: VerbArguments
    public func perform(on session: ProjectSession) throws -> VerbOutcome { try verb.perform(arguments, on: session) }
}

extension Verbs {
    /// Splits a line into words as a POSIX shell would for quotes and backslashes.
    public static func words(_ line: String) throws -> [String] {
        var words: [String] = [], current = "", inWord = false
        var quote: Swift.Character? = nil
        var escape = false
        for ch in line {
            if escape { current.append(ch); escape = false; inWord = true; continue }
            if ch == "\\" && quote != "'" { escape = true; continue }
            if let q = quote {
                if ch == q { quote = nil } else { current.append(ch) }
                continue
            }
            if ch == "\"" || ch == "'" { quote = ch; inWord = true; continue }
            if ch == " " || ch == "\t" {
                if inWord { words.append(current); current = ""; inWord = false }
                continue
            }
            current.append(ch); inWord = true
        }
        guard quote == nil, !escape else { throw VerbError.unbalancedQuote }
        if inWord { words.append(current) }
        return words
    }

    /// The verb a line of words names (the longest name or alias it starts with) and the
    /// words after it; an unknown one names the nearest verb.
    public static func match(_ words: [String]) throws -> (Verb, rest: [String]) {
        guard !words.isEmpty else { throw VerbError.unknownCommand("", suggestion: nil) }
        for n in [2, 1] where words.count >= n {
            let name = words[0..<n].joined(separator: " ").lowercased()
            if let v = named(name) { return (v, Array(words[n...])) }
        }
        let typed = words.prefix(2).joined(separator: " ")
        let names = all.flatMap { [$0.name] + $0.aliases }
        let guess = nearest(typed, among: names) ?? nearest(words[0], among: names)
        throw VerbError.unknownCommand(words.count > 1 && named(words[0]) == nil && !groups.contains(words[0]) ? words[0] : typed,
                                       suggestion: guess)
    }

    /// The first words of verbs named with two ("shot", "camera", …).
    public static var groups: Set<String> {
        Set(all.flatMap { [$0.name] + $0.aliases }.compactMap { n in n.contains(" ") ? String(n.split(separator: " ")[0]) : nil })
    }

    /// Reads a `:`/batch line after its verb: `--name value`, `--name=value`, switches, and
    /// bare words for the positional arguments.
    public static func invocation(_ words: [String]) throws -> VerbInvocation {
        let (verb, rest) = try match(words)
        var inv = VerbInvocation(verb.name)
        var i = 0
        while i < rest.count {
            let w = rest[i]
            if w.hasPrefix("--"), w.count > 2 {
                var name = String(w.dropFirst(2)), value: String? = nil
                if let eq = name.firstIndex(of: "=") {
                    value = String(name[name.index(after: eq)...]); name = String(name[..<eq])
                }
                guard let arg = verb.argument(name) else {
                    throw VerbError.unknownArgument(verb: verb.name, argument: name, suggestion: nearest(name, among: verb.arguments.map(\.name)))
                }
                if arg.kind == .flag {
                    inv.values[name, default: []].append(value ?? "true")
                } else {
                    if value == nil {
                        guard i + 1 < rest.count else { throw VerbError.missingValue(verb: verb.name, argument: name) }
                        i += 1
                        value = rest[i]
                    }
                    inv.values[name, default: []].append(value!)
                }
            } else {
                inv.positional.append(w)
            }
            i += 1
        }
        return inv
    }

    /// Checks an invocation against `project`: every value parsed by its argument's kind,
    /// positional words placed, the selection filling what it may (`context`, the editor's).
    public static func resolve(_ inv: VerbInvocation, in p: Project, context: VerbContext? = nil) throws -> ResolvedVerb {
        guard let verb = named(inv.verb) else { return try resolve(invocation(try words(inv.verb)), in: p, context: context) }
        var raw = inv.values
        for name in raw.keys where verb.argument(name) == nil {
            throw VerbError.unknownArgument(verb: verb.name, argument: name, suggestion: nearest(name, among: verb.arguments.map(\.name)))
        }
        // Positional words, in order; an optional non-text slot a word does not fit is skipped
        // when a text slot follows (`:shot add a red car`), and the last text slot takes the rest.
        var words = inv.positional
        let slots = verb.arguments.filter { $0.positional && raw[$0.name] == nil }
        for (k, slot) in slots.enumerated() where !words.isEmpty {
            let laterText = slots[(k + 1)...].contains { $0.kind == .text }
            if slot.kind == .text && !laterText {
                raw[slot.name] = [words.joined(separator: " ")]
                words = []
                break
            }
            if !slot.required && laterText && (try? slot.parse(words[0], project: p, shot: nil)) == nil { continue }
            raw[slot.name] = [words.removeFirst()]
        }
        if !words.isEmpty { throw VerbError.extraWords(verb: verb.name, words: words.joined(separator: " ")) }

        var args = VerbArguments()
        // The shot first: times inside it count from its start or its end.
        var shot: Shot? = nil
        let ordered = verb.arguments.filter { $0.kind == .shot } + verb.arguments.filter { $0.kind != .shot }
        for arg in ordered {
            let given = raw[arg.name] ?? []
            if given.isEmpty {
                if let context, arg.fromSelection, let v = selection(for: arg, in: p, context: context) {
                    args[arg.name] = v
                    if case .shot(let id) = v { shot = p.shot(id) }
                } else if arg.required {
                    if arg.fromSelection, context != nil {
                        throw VerbError.noSelection("no \(arg.kind == .character ? "character" : "shot") is selected for \(verb.name)")
                    }
                    throw VerbError.missingArgument(verb: verb.name, argument: arg.name)
                }
                continue
            }
            if !arg.repeatable && given.count > 1 { throw VerbError.repeated(verb: verb.name, argument: arg.name) }
            if arg.repeatable && arg.kind == .character {
                if given.count == 1 && given[0].lowercased() == "none" && arg.allowsNone { args[arg.name] = .characters([]); continue }
                args[arg.name] = .characters(try given.map { try p.resolveCharacter($0).id })
                continue
            }
            let v = try arg.parse(given[0], project: p, shot: shot)
            args[arg.name] = v
            if case .shot(let id) = v { shot = p.shot(id) }
        }
        if !verb.needsOneOf.isEmpty && !verb.needsOneOf.contains(where: { args.has($0) }) {
            throw VerbError.nothingToChange(verb: verb.name, arguments: verb.needsOneOf)
        }
        try verb.check?(p, args)
        return ResolvedVerb(verb: verb, arguments: args)
    }

    /// Parses and resolves one line of words (a `kino batch` line or a `:` line).
    public static func resolve(line words: [String], in p: Project, context: VerbContext? = nil) throws -> ResolvedVerb {
        try resolve(try invocation(words), in: p, context: context)
    }

    static func selection(for arg: VerbArgument, in p: Project, context: VerbContext) -> ArgumentValue? {
        switch arg.kind {
        case .shot: return context.selectedShot.map { .shot($0) }
        case .scene:
            return (context.selectedShot.flatMap { p.shot($0)?.sceneID } ?? p.scenes.first?.id).map { .scene($0) }
        case .character: return context.selectedCharacter.map { .characters([$0]) }
        case .integer:
            // A new shot's position: after the selected one.
            return context.selectedShot.flatMap { p.shotIndex($0) }.map { .integer($0 + 2) }
        default: return nil
        }
    }

    /// Candidates for completing `text` (a whole `:` line) at its end: verb names, then the
    /// argument names and the values of the argument being typed.
    public static func completions(for text: String, in p: Project) -> [String] {
        let endsWithSpace = text.hasSuffix(" ") || text.isEmpty
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let current = endsWithSpace ? "" : (words.popLast() ?? "")
        let prefix = words.isEmpty ? "" : words.joined(separator: " ") + " "
        var options: [String] = []
        if let (verb, rest) = try? match(words.isEmpty ? ["?"] : words) {
            if let last = rest.last, last.hasPrefix("--"), let arg = verb.argument(String(last.dropFirst(2))), arg.kind != .flag {
                options = arg.completions(in: p)
            } else if current.hasPrefix("--") {
                options = verb.arguments.map { "--" + $0.name }
            } else {
                let used = Set(rest.filter { $0.hasPrefix("--") }.map { String($0.dropFirst(2)) })
                let bare = rest.filter { !$0.hasPrefix("--") }.count
                let slots = verb.arguments.filter { $0.positional && !used.contains($0.name) && !$0.fromSelection }
                if bare < slots.count { options = slots[bare].completions(in: p) }
                if options.isEmpty { options = verb.arguments.filter { !used.contains($0.name) }.map { "--" + $0.name } }
            }
        } else {
            let names = all.flatMap { [$0.name] + $0.aliases }
            let typed = (words + [current]).joined(separator: " ")
            return names.filter { $0.hasPrefix(typed.lowercased()) }.map { name in
                // Complete one word at a time.
                let parts = name.split(separator: " ").map(String.init)
                return parts.prefix(words.count + 1).joined(separator: " ")
            }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        }
        return options.filter { $0.lowercased().hasPrefix(current.lowercased()) }.map { prefix + $0 }
    }
}
