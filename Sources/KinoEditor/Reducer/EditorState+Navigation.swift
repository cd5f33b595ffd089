import KinoCore

extension EditorState {
    /// Columns of the timeline's inside.
    var timelineWidth: Int { max(1, Layout(size: size, focus: focus).timeline.width - 2) }

    /// The smallest zoom step: a frame per two cells.
    static let minFramesPerCell = 0.5

    /// Selects the shot at `index` (clamped) and puts the playhead on its first frame.
    mutating func selectShot(at index: Int) -> [Effect] {
        guard !project.shots.isEmpty else { return [] }
        let i = min(max(0, index), project.shots.count - 1)
        let id = project.shots[i].id
        let changed = id != selectedShot
        selectedShot = id
        if changed { showAnimatedChannel() }
        var effects = movePlayhead(to: project.shotStarts[i], followSelection: false)
        if changed { effects.append(.refreshStatus([id])) }
        return effects
    }

    /// Moves the playhead (clamped to the sequence); the selection follows the shot under it.
    mutating func movePlayhead(to frame: Int, followSelection: Bool = true) -> [Effect] {
        let total = project.duration
        playhead = min(max(0, frame), max(0, total - 1))
        ensurePlayheadVisible()
        guard let hit = playheadShot else { return [] }
        let shot = project.shots[hit.index]
        var effects: [Effect] = []
        if followSelection && shot.id != selectedShot {
            selectedShot = shot.id
            showAnimatedChannel()
            effects.append(.refreshStatus([shot.id]))
        }
        if preview?.shot != shot.id || preview?.frame != hit.local {
            effects.append(.requestFrame(shot: shot.id, frame: hit.local))
        }
        return effects
    }

    /// Keeps the zoom fitted (when it is) and the playhead on screen.
    mutating func refitTimeline() {
        if timeline.fitted {
            timeline.framesPerCell = max(Self.minFramesPerCell, Double(max(1, project.duration)) / Double(timelineWidth))
            timeline.firstFrame = 0
        }
        ensurePlayheadVisible()
    }

    mutating func zoom(by factor: Double) {
        let fit = max(Self.minFramesPerCell, Double(max(1, project.duration)) / Double(timelineWidth))
        let proposed = max(Self.minFramesPerCell, timeline.framesPerCell * factor)
        if proposed >= fit {
            timeline.fitted = true
            refitTimeline()
            return
        }
        timeline.fitted = false
        // Zoom around the playhead: it keeps its column.
        let column = Double(playhead - timeline.firstFrame) / timeline.framesPerCell
        timeline.framesPerCell = proposed
        timeline.firstFrame = max(0, playhead - Int(column * proposed))
        ensurePlayheadVisible()
    }

    mutating func scroll(byCells cells: Int) {
        guard !timeline.fitted else { return }
        let visible = Int(Double(timelineWidth) * timeline.framesPerCell)
        let maxFirst = max(0, project.duration - visible)
        timeline.firstFrame = min(max(0, timeline.firstFrame + Int(Double(cells) * timeline.framesPerCell)), maxFirst)
    }

    mutating func ensurePlayheadVisible() {
        guard !timeline.fitted else { return }
        let visible = max(1, Int(Double(timelineWidth) * timeline.framesPerCell))
        if playhead < timeline.firstFrame {
            timeline.firstFrame = max(0, playhead - visible / 4)
        } else if playhead >= timeline.firstFrame + visible {
            timeline.firstFrame = max(0, playhead - visible * 3 / 4)
        }
    }

    /// After the project changed under the editor: keep the selection if the shot still exists,
    /// else select the shot now at the same position; keep the playhead inside the sequence.
    mutating func reconcileSelection(previousIndex: Int?) {
        if let id = selectedShot, project.shotIndex(id) != nil {
            // still there
        } else if project.shots.isEmpty {
            selectedShot = nil
        } else {
            selectedShot = project.shots[min(previousIndex ?? 0, project.shots.count - 1)].id
        }
        if let i = selectedIndex {
            let start = project.shotStarts[i]
            if playhead < start || playhead >= start + project.shots[i].duration { playhead = start }
        }
        playhead = min(playhead, max(0, project.duration - 1))
        clampCurveSelection()
        if mode == .insert, selected == nil { mode = .normal; promptBuffer = nil; promptBase = nil }
        listSelection = min(listSelection, max(0, listCount - 1))
    }

    /// After the selection changed: the curve editor shows the first animated channel of the
    /// new shot when the one it showed is not animated there; the first key is selected.
    mutating func showAnimatedChannel() {
        curve.key = 0
        guard let shot = selected, shot.camera[curve.channel].keys.count <= 1,
              let animated = CameraChannel.allCases.first(where: { shot.camera[$0].keys.count > 1 }) else { return }
        curve.channel = animated
    }

    /// Rows of the characters & lighting list.
    var listCount: Int { project.characters.count + project.lightingSetups.count }
}
