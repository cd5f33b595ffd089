import Foundation
import KinoCore

extension EditorState {
    /// Applies `edit` to the editor's copy of the project and asks the runtime to save it.
    /// A refused edit leaves everything as it was and says why. Shots whose inputs changed
    /// show as stale and their jobs are cancelled.
    mutating func commit(_ edit: Edit) -> [Effect] {
        let before = project
        do {
            try project.apply(edit)
        } catch {
            message = StatusMessage(error.localizedDescription, isError: true)
            return []
        }
        let (effects, cancelled) = followShots([.applyEdit(edit)], changedFrom: before)
        message = StatusMessage(edit.label + (cancelled.isEmpty ? "" : " — cancelling \(cancelled.map(\.label).joined(separator: ", ")) (inputs changed)"))
        if before.duration != project.duration { refitTimeline() }
        reconcileSelection(previousIndex: selectedIndex)
        return effects
    }

    /// After the project changed from `before` (an edit here, an undo, a job, another
    /// process): marks the shots whose inputs changed stale, cancels every job on an affected
    /// shot, and asks for the status of the shots that need it. Returns `effects` with those
    /// added, and the jobs cancelled.
    mutating func followShots(_ effects: [Effect], changedFrom before: Project) -> ([Effect], [Job]) {
        let diff = project.shotDiff(since: before)
        var effects = effects
        for id in diff.inputsChanged where shotStatus[id]?.render == .rendered { shotStatus[id]?.render = .stale }
        let affected = diff.affected
        let cancelled = jobs.filter { $0.shot.map(affected.contains) == true }
        effects += cancelled.map { .cancelJob($0.id) }
        let refresh = diff.needsStatus.sorted()
        if !refresh.isEmpty { effects.append(.refreshStatus(refresh)) }
        return (effects, cancelled)
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
            promptBuffer = nil; promptBase = nil; mode = .normal
            message = StatusMessage("prompt edit discarded")
            return []
        case .finishEdit:
            let text = buffer.text
            if let base = promptBase, let shot = selected, shot.prompt != base, shot.prompt != text {
                // Changed by another process while typed here: the next Esc is a choice, not an accident.
                promptBase = shot.prompt
                message = StatusMessage("the prompt of \(shot.id) was changed elsewhere while you typed (now '\(shot.prompt.prefix(40))'); Esc again saves your text over it, ctrl-c discards yours", isError: true)
                return []
            }
            promptBuffer = nil; promptBase = nil; mode = .normal
            guard selected?.prompt != text else { message = StatusMessage("prompt unchanged"); return [] }
            let effects = runVerb(["shot", "set", "--prompt", text])
            if effects.isEmpty { promptBuffer = buffer; promptBase = selected?.prompt; mode = .insert }   // refused: keep editing
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
