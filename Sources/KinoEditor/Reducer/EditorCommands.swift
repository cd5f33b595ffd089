import Foundation
import KinoCore
import KinoKit

/// One command of the `:` line: its name, how to call it, and what it does. The table feeds
/// completion, the help overlay and Docs/Keymap.md.
public struct EditorCommandSpec: Hashable, Sendable {
    public var name: String
    public var usage: String
    public var help: String
}

/// The `:` commands: the editor's own (playhead, theme, help, quit, cancel) and every verb
/// of KinoKit's table, which the CLI and `kino batch` run too.
public enum EditorCommands {
    /// Commands that only make sense in the editor.
    public static let editorSpecs: [EditorCommandSpec] = [
        .init(name: "set", usage: ":set FIELD VALUE", help: "set a field of the selected shot (prompt, name, duration, seed, camera, lighting, scene, character): :shot set --FIELD VALUE"),
        .init(name: "character ref", usage: ":character ref FILE", help: "set the reference image of the character selected in the Characters pane"),
        .init(name: "cancel", usage: ":cancel", help: "cancel the selected shot's job (else the newest)"),
        .init(name: "goto", usage: ":goto TIME", help: "move the playhead to a time (seconds or timecode)"),
        .init(name: "theme", usage: ":theme NAME", help: "switch theme (default, light, high-contrast, mono, or yours)"),
        .init(name: "help", usage: ":help", help: "show the keys and commands"),
        .init(name: "q", usage: ":q", help: "quit (every edit is already saved)"),
    ]

    /// Every `:` command: the verbs (acting on the selection), then the editor's own.
    public static let specs: [EditorCommandSpec] =
        Verbs.all.map { .init(name: $0.name, usage: $0.lineUsage, help: $0.doc) } + editorSpecs

    public static let documentBegin = "<!-- generated from the : command table: begin -->"
    public static let documentEnd = "<!-- generated from the : command table: end -->"

    /// The `:` list of Docs/UserGuide.md (a test checks the committed text between the markers).
    public static func markdown() -> String {
        var out = "| command | what it does |\n| --- | --- |\n"
        for c in specs { out += "| `\(c.usage.replacingOccurrences(of: "|", with: "\\|"))` | \(c.help) |\n" }
        return out
    }

    static let editorNames = ["set", "cancel", "goto", "theme", "help", "q", "quit", "w"]
    static let setFields = ["prompt", "name", "duration", "seed", "camera", "lighting", "scene", "character"]

    /// Candidates for completing `text` (the whole command line) at its end: the verb table's
    /// completers, plus the editor's own commands, themes and `:set` fields.
    static func completions(for text: String, state: EditorState) -> [String] {
        let endsWithSpace = text.hasSuffix(" ")
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let current = endsWithSpace ? "" : (words.popLast() ?? "")
        let prefix = words.isEmpty ? "" : words.joined(separator: " ") + " "
        func filtered(_ options: [String]) -> [String] {
            options.filter { $0.lowercased().hasPrefix(current.lowercased()) }.map { prefix + $0 }
        }
        switch (words.first, words.count) {
        case (nil, _):
            var names = editorNames.filter { $0 != "quit" && $0 != "w" }
            for v in Verbs.all { let first = String(v.name.split(separator: " ")[0]); if !names.contains(first) { names.append(first) } }
            return filtered(names)
        case ("theme", 1): return filtered(state.availableThemes)
        case ("set", 1): return filtered(setFields)
        case ("set", 2):
            guard let arg = Verbs.named("shot set")?.argument(words[1]) else { return [] }
            if words[1] == "prompt" { return filtered(state.selected.map { [$0.prompt] } ?? []) }
            return filtered(arg.completions(in: state.project))
        default:
            return Verbs.completions(for: text, in: state.project)
        }
    }
}

extension EditorState {
    mutating func clearCompletion() {
        commandLine.completions = []
        commandLine.completionIndex = nil
        commandLine.completionBase = nil
    }

    /// Keys in command mode.
    mutating func commandLineKey(_ command: Command, key: Key?) -> [Effect] {
        if command != .complete { clearCompletion() }
        switch command {
        case .insertCharacter: if let c = key?.printable { commandLine.buffer.insert(c) }
        case .deleteBackward:
            if commandLine.buffer.isEmpty { mode = focus == .curves ? .curve : .normal } else { commandLine.buffer.deleteBackward() }
        case .deleteWordBackward: commandLine.buffer.deleteWordBackward()
        case .cursorLeft: commandLine.buffer.moveLeft()
        case .cursorRight: commandLine.buffer.moveRight()
        case .lineStart: commandLine.buffer.moveTo(0)
        case .lineEnd: commandLine.buffer.moveTo(commandLine.buffer.characters.count)
        case .cancelEdit: mode = focus == .curves ? .curve : .normal
        case .historyPrevious, .historyNext:
            let h = commandLine.history
            guard !h.isEmpty else { return [] }
            var i = commandLine.historyIndex ?? h.count
            i += command == .historyPrevious ? -1 : 1
            if i >= h.count {
                commandLine.historyIndex = nil
                commandLine.buffer = TextBuffer()
            } else {
                i = max(0, i)
                commandLine.historyIndex = i
                commandLine.buffer = TextBuffer(h[i])
            }
        case .complete:
            let base = commandLine.completionBase ?? commandLine.buffer.text
            if commandLine.completionBase == nil {
                commandLine.completionBase = base
                commandLine.completions = EditorCommands.completions(for: base, state: self)
                commandLine.completionIndex = nil
            }
            let list = commandLine.completions
            guard !list.isEmpty else { message = StatusMessage("no completion for '\(base)'"); return [] }
            let next = ((commandLine.completionIndex ?? -1) + 1) % list.count
            commandLine.completionIndex = next
            let chosen = list[next]
            if list.count == 1 {
                // A unique completion is final: the next Tab completes the following word.
                commandLine.buffer = TextBuffer(chosen + " ")
                clearCompletion()
            } else {
                commandLine.buffer = TextBuffer(chosen)
            }
        case .execute:
            let text = commandLine.buffer.text.trimmingCharacters(in: .whitespaces)
            mode = focus == .curves ? .curve : .normal
            guard !text.isEmpty else { return [] }
            if commandLine.history.last != text { commandLine.history.append(text) }
            if commandLine.history.count > 200 { commandLine.history.removeFirst(commandLine.history.count - 200) }
            commandLine.historyIndex = nil
            return execute(text)
        default: break
        }
        return []
    }

    /// Runs one `:` command line: the editor's own commands here, everything else through
    /// KinoKit's verb table.
    mutating func execute(_ line: String) -> [Effect] {
        // Quotes group words as in a shell; an apostrophe in a prompt ("it's") is just a letter.
        let words = (try? Verbs.words(line)) ?? line.split(separator: " ").map(String.init)
        guard let name = words.first else { return [] }
        let rest = words.dropFirst().joined(separator: " ")
        func fail(_ text: String) -> [Effect] { message = StatusMessage(text, isError: true); return [] }

        switch name {
        case "cancel": return cancelJob()
        case "goto":
            do { return movePlayhead(to: try CheckedNumber.time(rest, rate: project.frameRate)) } catch { return fail(error.localizedDescription) }
        case "theme":
            guard !rest.isEmpty else { return fail("usage: :theme NAME; themes: \(availableThemes.joined(separator: ", "))") }
            return [.loadTheme(rest)]
        case "undo": message = nil; return [.undo]
        case "redo": message = nil; return [.redo]
        case "help": helpVisible = true; helpScroll = 0; return []
        case "w": message = StatusMessage("every edit is saved as it is made; nothing to write"); return []
        case "q", "quit", "q!", "wq", "x": quitting = true; return [.quit]
        case "set":
            guard words.count >= 3 else {
                return fail("usage: :set FIELD VALUE with FIELD one of \(EditorCommands.setFields.joined(separator: ", "))")
            }
            guard EditorCommands.setFields.contains(words[1]) else {
                return fail("cannot set '\(words[1])'; choose one of \(EditorCommands.setFields.joined(separator: ", "))")
            }
            let values = words[1] == "character" ? Array(words.dropFirst(2)) : [words.dropFirst(2).joined(separator: " ")]
            return runVerb(["shot", "set"] + values.flatMap { ["--" + words[1], $0] })
        case "take" where words.count == 2:
            if let n = Int(words[1]) { return useTake(n) }
            guard words[1].hasPrefix("tk") else { return fail("usage: :take N (its number among the complete takes) or :take tkID") }
            return runVerb(words)
        case "character" where words.count >= 2 && words[1] == "ref":
            guard words.count >= 3 else { return fail("usage: :character ref FILE (for the character selected in the Characters pane)") }
            guard listSelection < project.characters.count else {
                return fail("select a character first: Tab to the Characters pane, then j/k")
            }
            return runVerb(["character", "set", "--reference", words.dropFirst(2).joined(separator: " ")])
        default:
            return runVerb(words)
        }
    }

    /// The selection the verbs of the `:` line and the keys act on.
    var verbContext: VerbContext {
        VerbContext(selectedShot: selectedShot,
                    selectedCharacter: listSelection < project.characters.count ? project.characters[listSelection].id : nil)
    }

    /// Resolves `words` to a verb of KinoKit's table (its parsers, defaults and checks) and
    /// performs it: a pure edit is applied here and saved by the runtime; a verb that runs a
    /// job is queued as one; anything else is handed to the runtime.
    mutating func runVerb(_ words: [String]) -> [Effect] {
        func fail(_ error: Error) -> [Effect] { message = StatusMessage(error.localizedDescription, isError: true); return [] }
        let invocation: VerbInvocation, resolved: ResolvedVerb
        let context = verbContext
        do {
            invocation = try Verbs.invocation(words)
            resolved = try Verbs.resolve(invocation, in: project, context: context)
        } catch { return fail(error) }
        let verb = resolved.verb, args = resolved.arguments
        if verb.isPure(args) {
            let edit: Edit
            do {
                guard let e = try verb.edit(in: project, args) else { return [] }
                edit = e
            } catch { return fail(error) }
            if case .updateShot(let old, let new) = edit, old == new { message = StatusMessage("nothing changed"); return [] }
            var effects = commit(edit)
            guard !effects.isEmpty else { return [] }
            clampCurveSelection()
            if case .group(_, let edits) = edit,
               let at = edits.lazy.compactMap({ e -> Int? in if case .insertShot(_, let i) = e { return i }; return nil }).first {
                effects += selectShot(at: at)
            }
            return effects
        }
        guard verb.runsJobs else {
            message = StatusMessage("\(verb.name) …")
            return [.perform(invocation, context: context, job: nil)]
        }
        let shot = args.shot()
        if verb.argument("shot") != nil && shot == nil { message = StatusMessage("no shot is selected", isError: true); return [] }
        if let shot, let busy = jobs.first(where: { $0.shot == shot }) {
            message = StatusMessage("\(shot) is busy (\(busy.label)); wait or cancel it with x", isError: true)
            return []
        }
        let id = nextJobID
        nextJobID += 1
        let job = Job(id: id, kind: Self.jobKind(verb.name, args), shot: shot)
        jobs.append(job)
        message = StatusMessage("queued \(job.label)")
        return [.perform(invocation, context: context, job: id)]
    }

    /// How the status line and the timeline show a verb's job.
    static func jobKind(_ verb: String, _ a: VerbArguments) -> Job.Kind {
        switch verb {
        case "extend": return .extend(frames: a.frames("seconds") ?? 0, prompt: a.text("prompt"))
        case "refine": return .refine(from: a.frames("from") ?? 0, to: a.frames("to"))
        case "export": return .export(path: a.text("output") ?? "")
        case "frame": return .frame(path: a.text("output") ?? "")
        default: return .render
        }
    }
}
