import Foundation
import KinoCore

extension EditorState {
    /// Applies `edit` to the editor's copy of the project and asks the runtime to save it.
    /// A refused edit leaves everything as it was and says why. Jobs whose shot inputs
    /// changed are cancelled.
    mutating func commit(_ edit: Edit) -> [Effect] {
        let before = project
        do {
            try project.apply(edit)
        } catch {
            message = StatusMessage(error.localizedDescription, isError: true)
            return []
        }
        var effects: [Effect] = [.applyEdit(edit)]
        let changed = Self.shotsWithChangedInputs(edit)
        for id in changed {
            if shotStatus[id]?.render == .rendered { shotStatus[id]?.render = .stale }
            for job in jobs where job.shot == id {
                effects.append(.cancelJob(job.id))
            }
        }
        let cancelled = jobs.filter { $0.shot.map(changed.contains) == true }
        message = StatusMessage(edit.label + (cancelled.isEmpty ? "" : " — cancelling \(cancelled.map(\.label).joined(separator: ", ")) (inputs changed)"))
        if before.duration != project.duration { refitTimeline() }
        reconcileSelection(previousIndex: selectedIndex)
        let refresh = edit.touchedShots.filter { project.shotIndex($0) != nil }.sorted()
        if !refresh.isEmpty { effects.append(.refreshStatus(refresh)) }
        return effects
    }

    /// Shots whose generated frames an edit makes out of date (a rename, a take switch or a
    /// move does not).
    static func shotsWithChangedInputs(_ edit: Edit) -> Set<ShotID> {
        switch edit {
        case .updateShot(let old, let new):
            var a = old, b = new
            a.name = ""; b.name = ""; a.currentTakeID = nil; b.currentTakeID = nil
            return a == b ? [] : [new.id]
        case .deleteShot(let s, _): return [s.id]
        case .group(_, let edits): return edits.reduce(into: Set()) { $0.formUnion(shotsWithChangedInputs($1)) }
        default: return []
        }
    }

    /// Changes the selected shot through `change` as one updateShot edit.
    mutating func updateSelectedShot(_ change: (inout Shot) throws -> Void) -> [Effect] {
        guard let old = selected else { message = StatusMessage("no shot is selected; add one with :shot add", isError: true); return [] }
        var new = old
        do { try change(&new) } catch {
            message = StatusMessage(error.localizedDescription, isError: true)
            return []
        }
        guard new != old else { message = StatusMessage("nothing changed"); return [] }
        return commit(.updateShot(old: old, new: new))
    }

    /// Adds a shot after the selected one (in its scene), selects it: the `shot add` verb.
    mutating func addShot() -> [Effect] { runVerb(["shot", "add"]) }

    /// Removes the selected shot: the `shot remove` verb.
    mutating func deleteSelectedShot() -> [Effect] {
        guard selectedIndex != nil else { message = StatusMessage("no shot to delete", isError: true); return [] }
        return runVerb(["shot", "remove"])
    }

    /// Moves the selected shot one place: the `shot move` verb.
    mutating func moveSelectedShot(by delta: Int) -> [Effect] {
        guard let i = selectedIndex else { return [] }
        let to = i + delta
        guard to >= 0, to < project.shots.count else { message = StatusMessage("the shot is already at the \(delta < 0 ? "start" : "end")"); return [] }
        var effects = runVerb(["shot", "move", String(to + 1)])
        if !effects.isEmpty { effects += movePlayhead(to: project.shotStarts[to], followSelection: false) }
        return effects
    }

    /// Cancels the selected shot's job, else the newest job.
    mutating func cancelJob() -> [Effect] {
        guard let job = jobs.last(where: { $0.shot == selectedShot }) ?? jobs.last else {
            message = StatusMessage("no job is running")
            return []
        }
        message = StatusMessage("cancelling \(job.label)")
        return [.cancelJob(job.id)]
    }

    mutating func cycleTake(by delta: Int) -> [Effect] {
        guard let shot = selected else { return [] }
        guard let status = shotStatus[shot.id], status.takeCount > 0 else {
            message = StatusMessage("\(shot.id) has no takes yet; render it with r or :render", isError: true)
            return []
        }
        let current = status.currentTake ?? 1
        let next = ((current - 1 + delta) % status.takeCount + status.takeCount) % status.takeCount + 1
        return useTake(next)
    }

    /// Uses take `n` (its number among the complete takes): the `take` verb.
    mutating func useTake(_ n: Int) -> [Effect] {
        guard let shot = selected else { message = StatusMessage("no shot is selected", isError: true); return [] }
        let count = shotStatus[shot.id]?.takeCount ?? 0
        guard n >= 1, n <= count else {
            message = StatusMessage("take \(n) does not exist; \(shot.id) has \(count) take\(count == 1 ? "" : "s")", isError: true)
            return []
        }
        let effects = runVerb(["take", String(n)])
        if !effects.isEmpty { message = StatusMessage("using take \(n)/\(count) of \(shot.id)") }
        return effects
    }

    /// Keys in insert mode: edit the prompt buffer; leaving commits one undoable edit.
    mutating func promptKey(_ command: Command, key: Key?) -> [Effect] {
        guard mode == .insert, var buffer = promptBuffer else { return [] }
        switch command {
        case .insertCharacter: if let c = key?.printable { buffer.insert(c) }
        case .newline: buffer.insert("\n")
        case .deleteBackward: buffer.deleteBackward()
        case .deleteForward: buffer.deleteForward()
        case .deleteWordBackward: buffer.deleteWordBackward()
        case .cursorLeft: buffer.moveLeft()
        case .cursorRight: buffer.moveRight()
        case .wordLeft: buffer.wordLeft()
        case .wordRight: buffer.wordRight()
        case .lineUp: buffer.moveLineUp()
        case .lineDown: buffer.moveLineDown()
        case .lineStart: buffer.moveLineStart()
        case .lineEnd: buffer.moveLineEnd()
        case .cancelEdit:
            promptBuffer = nil; mode = .normal
            message = StatusMessage("prompt edit discarded")
            return []
        case .finishEdit:
            promptBuffer = nil; mode = .normal
            let text = buffer.text
            guard selected?.prompt != text else { message = StatusMessage("prompt unchanged"); return [] }
            let effects = runVerb(["shot", "set", "--prompt", text])
            if effects.isEmpty { promptBuffer = buffer; mode = .insert }   // refused: keep editing
            return effects
        default: return []
        }
        promptBuffer = buffer
        return []
    }

    mutating func clampCurveSelection() {
        guard let shot = selected else { curve.key = 0; return }
        curve.key = min(max(0, curve.key), max(0, shot.camera[curve.channel].keys.count - 1))
    }
}
