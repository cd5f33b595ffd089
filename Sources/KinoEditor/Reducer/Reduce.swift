import KinoCore

/// The editor's one state transition: applies `action` to `state` and returns the effects
/// the runtime must carry out. Pure: no I/O, no clocks, no globals.
public func reduce(_ state: inout EditorState, _ action: Action) -> [Effect] {
    switch action {
    case .key(let key):
        let mode: KeymapMode = state.helpVisible ? .help : state.mode.keymapMode
        guard let command = Keymap.standard.command(for: key, in: mode) else {
            if state.helpVisible { state.helpVisible = false }
            return []
        }
        return perform(command, key: key, in: &state)

    case .command(let command):
        return perform(command, key: nil, in: &state)

    case .click(let click):
        return handleClick(click, in: &state)

    case .resized(let size):
        state.size = size
        state.refitTimeline()
        return []

    case .projectChanged(let project):
        let previousIndex = state.selectedIndex
        // The playhead stays on the same frame of the same shot when shots move around it.
        let anchor = state.playheadShot.map { (id: state.project.shots[$0.index].id, local: $0.local) }
        let before = state.project
        state.project = project
        if let anchor, let i = project.shotIndex(anchor.id) {
            state.playhead = project.shotStarts[i] + min(anchor.local, project.shots[i].duration - 1)
        }
        state.reconcileSelection(previousIndex: previousIndex)
        state.refitTimeline()
        return state.followShots([], changedFrom: before).0

    case .statusChanged(let status):
        state.shotStatus.merge(status) { _, new in new }
        return []

    case .jobStarted(let id):
        if let i = state.jobs.firstIndex(where: { $0.id == id }) { state.jobs[i].phase = .running }
        return []

    case .jobProgress(let id, let fraction):
        if let i = state.jobs.firstIndex(where: { $0.id == id }) {
            state.jobs[i].phase = .running
            state.jobs[i].progress = min(1, max(0, fraction))
        }
        return []

    case .jobFinished(let id, let outcome):
        let job = state.jobs.first { $0.id == id }
        state.jobs.removeAll { $0.id == id }
        switch outcome {
        case .succeeded(let text): state.message = StatusMessage(text)
        case .cancelled(let text): state.message = StatusMessage(text)
        case .failed(let text): state.message = StatusMessage(text, isError: true)
        }
        var effects: [Effect] = []
        if let shot = job?.shot {
            effects.append(.refreshStatus([shot]))
            if shot == state.selectedShot, let ph = state.playheadShot, state.project.shots[ph.index].id == shot {
                effects.append(.requestFrame(shot: shot, frame: ph.local))
            }
        }
        return effects

    case .frameArrived(let shot, let frame, let image):
        if shot == state.selectedShot || state.playheadShot.map({ state.project.shots[$0.index].id == shot }) == true {
            state.preview = PreviewImage(shot: shot, frame: frame, image: image)
        }
        return []

    case .tick:
        guard state.playing else { return [] }
        if state.playhead + 1 >= state.project.duration {
            state.playing = false
            return []
        }
        return state.movePlayhead(to: state.playhead + 1)

    case .themeLoaded(let name):
        state.themeName = name
        state.message = StatusMessage("theme \(name)")
        return []

    case .error(let text):
        state.message = StatusMessage(text, isError: true)
        return []

    case .info(let text):
        state.message = StatusMessage(text)
        return []
    }
}

/// Runs one named command.
func perform(_ command: Command, key: Key?, in state: inout EditorState) -> [Effect] {
    switch command {
    // Navigation
    case .previousShot: return state.selectShot(at: (state.selectedIndex ?? 0) - 1)
    case .nextShot: return state.selectShot(at: (state.selectedIndex ?? -1) + 1)
    case .previousFrame: return state.movePlayhead(to: state.playhead - 1)
    case .nextFrame: return state.movePlayhead(to: state.playhead + 1)
    case .backSecond: return state.movePlayhead(to: state.playhead - state.project.frameRate.timecodeBase)
    case .forwardSecond: return state.movePlayhead(to: state.playhead + state.project.frameRate.timecodeBase)
    case .firstFrame: return state.movePlayhead(to: 0)
    case .lastFrame: return state.movePlayhead(to: state.project.duration - 1)
    case .zoomIn: state.zoom(by: 1 / 1.5); return []
    case .zoomOut: state.zoom(by: 1.5); return []
    case .zoomFit: state.timeline.fitted = true; state.refitTimeline(); return []
    case .scrollLeft: state.scroll(byCells: -state.timelineWidth / 3); return []
    case .scrollRight: state.scroll(byCells: state.timelineWidth / 3); return []
    case .nextPane, .previousPane:
        let all = Pane.allCases
        let i = all.firstIndex(of: state.focus) ?? 0
        state.focus = all[(i + (command == .nextPane ? 1 : all.count - 1)) % all.count]
        state.mode = state.focus == .curves ? .curve : .normal
        if state.focus == .curves { state.clampCurveSelection() }
        return []
    case .nextItem: state.listSelection = min(state.listSelection + 1, max(0, state.listCount - 1)); return []
    case .previousItem: state.listSelection = max(0, state.listSelection - 1); return []

    // Editing
    case .undo: state.message = nil; return [.undo]
    case .redo: state.message = nil; return [.redo]
    case .editPrompt:
        guard let shot = state.selected else { state.message = StatusMessage("no shot to edit; add one with :shot add", isError: true); return [] }
        state.promptBuffer = TextBuffer(shot.prompt)
        state.promptBase = shot.prompt
        state.mode = .insert
        state.focus = .inspector
        return []
    case .addShot: return state.addShot()
    case .deleteShot: return state.deleteSelectedShot()
    case .moveShotEarlier: return state.moveSelectedShot(by: -1)
    case .moveShotLater: return state.moveSelectedShot(by: 1)
    case .openCurveEditor:
        state.focus = .curves; state.mode = .curve
        if let shot = state.selected, shot.camera[state.curve.channel].keys.count <= 1 { state.showAnimatedChannel() }
        state.clampCurveSelection()
        return []

    // Generation
    case .renderShot: return state.runVerb(["render"])
    case .cancelJob: return state.cancelJob()
    case .nextTake: return state.cycleTake(by: 1)
    case .previousTake: return state.cycleTake(by: -1)
    case .playPause:
        state.playing.toggle()
        if state.playing && state.playhead >= state.project.duration - 1 { return state.movePlayhead(to: 0) }
        return []

    // Editor
    case .commandLine:
        state.mode = .command
        state.commandLine.buffer = TextBuffer()
        state.commandLine.historyIndex = nil
        state.clearCompletion()
        return []
    case .toggleHelp: state.helpVisible.toggle(); state.helpScroll = 0; return []
    case .closeHelp: state.helpVisible = false; return []
    case .helpDown: state.helpScroll += 1; return []
    case .helpUp: state.helpScroll = max(0, state.helpScroll - 1); return []
    case .quit:
        // A prompt being typed is kept, as Esc would keep it: quitting never loses text.
        var effects: [Effect] = []
        if state.mode == .insert { effects = state.promptKey(.finishEdit, key: nil) }
        state.quitting = true
        return effects + [.quit]

    // Text editing
    case .insertCharacter, .newline, .deleteBackward, .deleteForward, .deleteWordBackward,
         .cursorLeft, .cursorRight, .wordLeft, .wordRight, .lineUp, .lineDown, .lineStart, .lineEnd,
         .finishEdit, .cancelEdit, .execute, .complete, .historyPrevious, .historyNext:
        return state.mode == .command ? state.commandLineKey(command, key: key) : state.promptKey(command, key: key)

    // Curve editor
    case .nextKey, .previousKey, .nextChannel, .previousChannel, .keyEarlier, .keyLater, .keyEarlierCoarse,
         .keyLaterCoarse, .keyUp, .keyDown, .keyUpCoarse, .keyDownCoarse, .addKey, .deleteKey,
         .cycleInterpolation, .cycleEasing, .cycleHandleType, .handleSteeper, .handleFlatter,
         .handleLonger, .handleShorter:
        return state.curveCommand(command)
    case .applyPreset:
        state.mode = .command
        state.commandLine.buffer = TextBuffer("preset ")
        state.clearCompletion()
        return []
    case .leaveCurveEditor:
        state.focus = .timeline; state.mode = .normal; return []
    }
}

func handleClick(_ click: MouseClick, in state: inout EditorState) -> [Effect] {
    guard !state.size.isTooSmall else { return [] }
    if state.helpVisible { state.helpVisible = false; return [] }
    let layout = Layout(size: state.size, focus: state.focus)
    guard let pane = layout.pane(atCol: click.col, row: click.row) else { return [] }
    if state.mode == .insert || state.mode == .command { return [] }
    state.focus = pane
    state.mode = pane == .curves ? .curve : .normal
    guard pane == .timeline else { return [] }
    let inner = layout.timeline.inset(1)
    guard inner.contains(col: click.col, row: click.row) else { return [] }
    let frame = state.timeline.firstFrame + Int((Double(click.col - inner.x) * state.timeline.framesPerCell).rounded(.down))
    let target = min(frame, max(0, state.project.duration - 1))
    let row = click.row - inner.y
    // Clicking a shot's name row selects the shot; anywhere else on the timeline seeks.
    if row >= 2 && row < inner.height - 1, let hit = state.project.shot(atTimelineFrame: target) {
        var effects = state.selectShot(at: hit.index)
        effects += state.movePlayhead(to: target)
        return effects
    }
    return state.movePlayhead(to: target)
}
