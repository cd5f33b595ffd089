import Foundation
import KinoCore

/// One command of the `:` line: its name, how to call it, and what it does. The table feeds
/// completion, the help overlay and Docs/Keymap.md.
public struct EditorCommandSpec: Hashable, Sendable {
    public var name: String
    public var usage: String
    public var help: String
}

/// The `:` commands.
public enum EditorCommands {
    public static let specs: [EditorCommandSpec] = [
        .init(name: "render", usage: ":render", help: "render the selected shot as a new take"),
        .init(name: "extend", usage: ":extend SEC [PROMPT]", help: "continue the selected shot by SEC seconds (optionally with a new prompt)"),
        .init(name: "refine", usage: ":refine FROM [TO]", help: "regenerate the shot from FROM seconds (negative: from the end) to TO or the end; frames before stay identical"),
        .init(name: "take", usage: ":take N", help: "use take N of the selected shot"),
        .init(name: "set", usage: ":set FIELD VALUE", help: "set prompt, name, duration (s), seed, camera (preset), lighting (name or none) or scene"),
        .init(name: "shot", usage: ":shot add [SEC] [PROMPT] | :shot delete", help: "add a shot after the selected one, or delete the selected one"),
        .init(name: "preset", usage: ":preset NAME", help: "replace the selected shot's camera keys with a preset"),
        .init(name: "character", usage: ":character add NAME [DESCRIPTION] | :character ref FILE",
              help: "add a character, or set the reference image of the character selected in the Characters pane"),
        .init(name: "export", usage: ":export FILE", help: "export the sequence (codec from the extension: .mp4 h264, .mov prores, .mkv ffv1)"),
        .init(name: "cancel", usage: ":cancel", help: "cancel the selected shot's job (else the newest)"),
        .init(name: "goto", usage: ":goto TIME", help: "move the playhead to a time (seconds or timecode)"),
        .init(name: "theme", usage: ":theme NAME", help: "switch theme (default, light, high-contrast, mono, or yours)"),
        .init(name: "undo", usage: ":undo", help: "undo the last edit"),
        .init(name: "redo", usage: ":redo", help: "redo the last undone edit"),
        .init(name: "help", usage: ":help", help: "show the keys and commands"),
        .init(name: "q", usage: ":q", help: "quit (every edit is already saved)"),
    ]

    static let names = specs.map(\.name) + ["quit", "w"]
    static let setFields = ["prompt", "name", "duration", "seed", "camera", "lighting", "scene"]

    /// Candidates for completing `text` (the whole command line) at its end.
    static func completions(for text: String, state: EditorState) -> [String] {
        let endsWithSpace = text.hasSuffix(" ")
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let current = endsWithSpace ? "" : (words.popLast() ?? "")
        let options: [String]
        switch words.count {
        case 0: options = specs.map(\.name)
        case 1:
            switch words[0] {
            case "set": options = setFields
            case "shot": options = ["add", "delete"]
            case "character": options = ["add", "ref"]
            case "theme": options = state.availableThemes
            case "preset": options = CameraPreset.allCases.map(\.rawValue)
            default: options = []
            }
        case 2 where words[0] == "set":
            switch words[1] {
            case "camera": options = CameraPreset.allCases.map(\.rawValue)
            case "lighting": options = state.project.lightingSetups.map(\.name) + ["none"]
            case "scene": options = state.project.scenes.map(\.name)
            case "prompt": options = state.selected.map { [$0.prompt] } ?? []
            default: options = []
            }
        default: options = []
        }
        let prefix = words.isEmpty ? "" : words.joined(separator: " ") + " "
        return options.filter { $0.lowercased().hasPrefix(current.lowercased()) }.map { prefix + $0 }
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

    /// Runs one `:` command line.
    mutating func execute(_ line: String) -> [Effect] {
        var words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard !words.isEmpty else { return [] }
        let name = words.removeFirst()
        let rest = words.joined(separator: " ")
        let rate = project.frameRate
        func fail(_ text: String) -> [Effect] { message = StatusMessage(text, isError: true); return [] }
        func seconds(_ s: String) -> Double? { parseDecimal(s) }

        switch name {
        case "render": return startJob(.render)
        case "extend":
            guard let s = words.first.flatMap(seconds), s > 0 else { return fail("usage: :extend SEC [PROMPT], with SEC > 0, such as :extend 2") }
            let frames: Int
            do { frames = try rate.frames(seconds: s) } catch { return fail(error.localizedDescription) }
            guard frames >= 1 else { return fail("extend by at least one frame") }
            let prompt = words.dropFirst().joined(separator: " ")
            return startJob(.extend(frames: frames, prompt: prompt.isEmpty ? nil : prompt))
        case "refine":
            guard let shot = selected else { return fail("no shot is selected") }
            guard let fromText = words.first else { return fail("usage: :refine FROM [TO] in seconds within the shot; :refine -2 redoes the last 2 s") }
            do {
                let from = try shotFrame(fromText, shot: shot)
                var to: Int?
                if words.count > 1 { to = try shotFrame(words[1], shot: shot) }
                guard from < shot.duration, to.map({ $0 > from }) ?? true else {
                    return fail("refine needs FROM before TO within the shot's \(String(format: "%.2f", rate.seconds(frames: shot.duration))) s")
                }
                return startJob(.refine(from: from, to: to))
            } catch { return fail(error.localizedDescription) }
        case "take":
            guard let n = words.first.flatMap({ Int($0) }) else { return fail("usage: :take N, such as :take 2") }
            return useTake(n)
        case "set": return setField(words)
        case "shot":
            switch words.first {
            case "add":
                var s: Double?
                var promptWords = Array(words.dropFirst())
                if let first = promptWords.first, let v = seconds(first) { s = v; promptWords.removeFirst() }
                return addShot(seconds: s, prompt: promptWords.joined(separator: " "))
            case "delete": return deleteSelectedShot()
            default: return fail("usage: :shot add [SEC] [PROMPT] or :shot delete")
            }
        case "character":
            switch words.first {
            case "add":
                guard words.count >= 2 else { return fail("usage: :character add NAME [DESCRIPTION], such as :character add Ava a woman in a red coat") }
                let description = words.dropFirst(2).joined(separator: " ")
                message = StatusMessage("adding character \(words[1])")
                return [.addCharacter(name: words[1], description: description)]
            case "ref":
                guard words.count >= 2 else { return fail("usage: :character ref FILE (for the character selected in the Characters pane)") }
                guard listSelection < project.characters.count else {
                    return fail("select a character first: Tab to the Characters pane, then j/k")
                }
                let c = project.characters[listSelection]
                message = StatusMessage("setting the reference image of \(c.name)")
                return [.setCharacterReference(c.id, path: words.dropFirst().joined(separator: " "))]
            default: return fail("usage: :character add NAME [DESCRIPTION] or :character ref FILE")
            }
        case "preset":
            guard let p = CameraPreset(rawValue: rest) else { return fail(ValidationError.unknownPreset(rest).localizedDescription) }
            return applyPreset(p)
        case "export":
            guard !rest.isEmpty else { return fail("usage: :export FILE, such as :export out.mp4") }
            return startExport(path: rest)
        case "cancel": return cancelJob()
        case "goto":
            do { return movePlayhead(to: try parseTime(rest, rate: rate)) } catch { return fail(error.localizedDescription) }
        case "theme":
            guard !rest.isEmpty else { return fail("usage: :theme NAME; themes: \(availableThemes.joined(separator: ", "))") }
            return [.loadTheme(rest)]
        case "undo": return [.undo]
        case "redo": return [.redo]
        case "help": helpVisible = true; helpScroll = 0; return []
        case "w": message = StatusMessage("every edit is saved as it is made; nothing to write"); return []
        case "q", "quit", "q!", "wq", "x": quitting = true; return [.quit]
        default:
            return fail("unknown command :\(name); try :help or Tab to complete")
        }
    }

    /// A time within a shot: seconds or timecode from its start; negative seconds count from its end.
    func shotFrame(_ text: String, shot: Shot) throws -> Int {
        if let s = parseDecimal(text), s < 0 {
            return max(0, shot.duration + (try project.frameRate.frames(seconds: s)))
        }
        return try parseTime(text, rate: project.frameRate)
    }

    /// `:set FIELD VALUE`.
    mutating func setField(_ words: [String]) -> [Effect] {
        guard words.count >= 2 else {
            message = StatusMessage("usage: :set FIELD VALUE with FIELD one of \(EditorCommands.setFields.joined(separator: ", "))", isError: true)
            return []
        }
        let field = words[0]
        let value = words.dropFirst().joined(separator: " ")
        let project = self.project
        switch field {
        case "prompt": return updateSelectedShot { $0.prompt = value }
        case "name": return updateSelectedShot { $0.name = value }
        case "duration":
            guard let s = Double(value), s > 0, s <= Limits.maxShotSeconds else {
                message = StatusMessage(ValidationError.invalidDuration(value).localizedDescription, isError: true); return []
            }
            guard let frames = try? project.frameRate.frames(seconds: s) else { return [] }
            return updateSelectedShot { $0.duration = frames }
        case "seed":
            guard let seed = UInt64(value) else {
                message = StatusMessage(ValidationError.invalidNumber(field: "seed", value: value, expected: "a whole number ≥ 0").localizedDescription, isError: true); return []
            }
            return updateSelectedShot { $0.seed = seed }
        case "camera":
            guard let p = CameraPreset(rawValue: value) else {
                message = StatusMessage(ValidationError.unknownPreset(value).localizedDescription, isError: true); return []
            }
            return applyPreset(p)
        case "lighting":
            if value == "none" { return updateSelectedShot { $0.lightingID = nil } }
            return updateSelectedShot { $0.lightingID = try project.resolveLighting(value).id }
        case "scene":
            return updateSelectedShot { $0.sceneID = try project.resolveScene(value).id }
        default:
            message = StatusMessage("cannot set '\(field)'; choose one of \(EditorCommands.setFields.joined(separator: ", "))", isError: true)
            return []
        }
    }
}
