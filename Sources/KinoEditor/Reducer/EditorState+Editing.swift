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

    /// Adds a shot after the selected one (in its scene), selects it.
    mutating func addShot(seconds: Double?, prompt: String) -> [Effect] {
        guard let sceneID = selected?.sceneID ?? project.scenes.first?.id else {
            message = StatusMessage("the project has no scene; add one with 'kino scene add' first", isError: true)
            return []
        }
        let rate = project.frameRate
        let duration = rate.frames(seconds: seconds ?? 4)
        guard duration >= 1 else { message = StatusMessage(ValidationError.invalidDuration("\(seconds ?? 0)").localizedDescription, isError: true); return [] }
        var copy = project
        let from = copy.nextIDNumber
        let id: ShotID = copy.allocateID()
        let shot = Shot(id: id, sceneID: sceneID, prompt: prompt, duration: duration, seed: UInt64(id.number))
        let at = (selectedIndex ?? (project.shots.count - 1)) + 1
        let edit = Edit.group(label: "add shot \(id)", edits: [.advanceIDs(from: from, to: copy.nextIDNumber), .insertShot(shot, at: at)])
        var effects = commit(edit)
        guard !effects.isEmpty else { return [] }
        effects += selectShot(at: at)
        return effects
    }

    mutating func deleteSelectedShot() -> [Effect] {
        guard let i = selectedIndex else { message = StatusMessage("no shot to delete", isError: true); return [] }
        return commit(.deleteShot(project.shots[i], at: i))
    }

    mutating func moveSelectedShot(by delta: Int) -> [Effect] {
        guard let i = selectedIndex else { return [] }
        let to = i + delta
        guard to >= 0, to < project.shots.count else { message = StatusMessage("the shot is already at the \(delta < 0 ? "start" : "end")"); return [] }
        var effects = commit(.moveShot(project.shots[i].id, from: i, to: to))
        if !effects.isEmpty { effects += movePlayhead(to: project.shotStarts[to], followSelection: false) }
        return effects
    }

    /// Queues a render, extend or refine of the selected shot.
    mutating func startJob(_ kind: Job.Kind) -> [Effect] {
        guard let shot = selected else { message = StatusMessage("no shot is selected", isError: true); return [] }
        if let busy = jobs.first(where: { $0.shot == shot.id }) {
            message = StatusMessage("\(shot.id) is busy (\(busy.label)); wait or cancel it with x", isError: true)
            return []
        }
        let id = nextJobID
        nextJobID += 1
        let job = Job(id: id, kind: kind, shot: shot.id)
        jobs.append(job)
        message = StatusMessage("queued \(job.label)")
        switch kind {
        case .render: return [.startRender(id, shot: shot.id)]
        case .extend(let frames, let prompt): return [.startExtend(id, shot: shot.id, frames: frames, prompt: prompt)]
        case .refine(let from, let to): return [.startRefine(id, shot: shot.id, from: from, to: to)]
        case .export(let path): return [.export(id, path: path)]
        }
    }

    mutating func startExport(path: String) -> [Effect] {
        let id = nextJobID
        nextJobID += 1
        let job = Job(id: id, kind: .export(path: path), shot: nil)
        jobs.append(job)
        message = StatusMessage("queued \(job.label)")
        return [.export(id, path: path)]
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

    mutating func useTake(_ n: Int) -> [Effect] {
        guard let shot = selected else { message = StatusMessage("no shot is selected", isError: true); return [] }
        let count = shotStatus[shot.id]?.takeCount ?? 0
        guard n >= 1, n <= count else {
            message = StatusMessage("take \(n) does not exist; \(shot.id) has \(count) take\(count == 1 ? "" : "s")", isError: true)
            return []
        }
        message = StatusMessage("using take \(n)/\(count) of \(shot.id)")
        return [.useTake(shot: shot.id, take: n)]
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
            let effects = updateSelectedShot { $0.prompt = text }
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
