import KinoCore

/// What the caller found out about a media file an imported clip points at.
public struct MediaFacts: Hashable, Sendable {
    public var contentHash: String
    /// A movie's own rate and length; nil for an image.
    public var frameRate: Rational?
    public var frameCount: Int?
    public init(contentHash: String, frameRate: Rational? = nil, frameCount: Int? = nil) {
        self.contentHash = contentHash; self.frameRate = frameRate; self.frameCount = frameCount
    }
}

/// The edit that brings an imported timeline into a project, the project it gives, and the
/// report of what was not carried over as it was.
public struct ImportPlan: Sendable {
    public var edit: Edit
    public var project: Project
    public var shotsAdded: Int
    public var scenesAdded: Int
    public var report: [String]
}

extension ImportedTimeline {
    /// Plans the import into `base`. An empty base and a timeline written by Kino restore the
    /// project as it was (ids, scenes, characters, lighting, markers); otherwise the clips are
    /// appended as new shots in new scenes. Clips with media become footage (a movie) or shots
    /// starting from an image (a sequence); clips without become shots to generate, their name
    /// and markers the prompt. `media` must hold facts for every file the clips point at.
    public func plan(into base: Project, media: [String: MediaFacts], label: String) throws -> ImportPlan {
        let restoring = base.shots.isEmpty && base.scenes.isEmpty && kinoProject != nil
        var report = self.report
        var edits: [Edit] = []
        var next = base.nextIDNumber
        func allocate<ID: KinoID>(_: ID.Type) -> ID { defer { next += 1 }; return ID(number: next) }
        var work = base

        // Characters and lighting: restored, or matched by name in the project imported into.
        var characterMap: [CharacterID: CharacterID] = [:]
        var lightingMap: [LightingID: LightingID] = [:]
        if let record = kinoProject {
            if restoring {
                next = max(next, record.nextIDNumber)
                for (i, l) in record.lightingSetups.enumerated() { edits.append(.insertLighting(l, at: i)); lightingMap[l.id] = l.id }
                for (i, c) in record.characters.enumerated() { edits.append(.insertCharacter(c, at: i)); characterMap[c.id] = c.id }
            } else {
                for l in record.lightingSetups {
                    if let mine = base.lightingSetups.first(where: { $0.name.lowercased() == l.name.lowercased() }) { lightingMap[l.id] = mine.id }
                }
                for c in record.characters {
                    if let mine = base.characters.first(where: { $0.name.lowercased() == c.name.lowercased() }) { characterMap[c.id] = mine.id }
                }
            }
        }

        // Scenes: one per scene start, and one for clips before the first start.
        var sceneFor: [Int] = Array(repeating: 0, count: clips.count)   // index into newScenes
        var newScenes: [Scene] = []
        var takenNames = Set(base.scenes.map { $0.name.lowercased() })
        func uniqueName(_ wanted: String) -> String {
            let trimmed = String(wanted.trimmingCharacters(in: .whitespaces).prefix(Limits.maxNameLength - 6))
            var name = trimmed.isEmpty ? "Imported" : trimmed
            var n = 2
            while takenNames.contains(name.lowercased()) { name = "\(trimmed.isEmpty ? "Imported" : trimmed) (\(n))"; n += 1 }
            takenNames.insert(name.lowercased())
            return name
        }
        let recordScenes = Dictionary((kinoProject?.scenes ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var starts = sceneStarts
        if starts.first.map({ $0.frame > 0 }) ?? true {
            starts.insert(ImportedSceneStart(frame: 0, name: name.isEmpty ? label : name, environment: "", kinoSceneID: nil), at: 0)
        }
        var startIndex = 0
        var sceneOfStart: [Int: Int] = [:]
        for (i, clip) in clips.enumerated() {
            while startIndex + 1 < starts.count, starts[startIndex + 1].frame < clip.timelineStart + clip.duration { startIndex += 1 }
            if let s = sceneOfStart[startIndex] { sceneFor[i] = s; continue }
            let start = starts[startIndex]
            var scene: Scene
            if restoring, let id = start.kinoSceneID, let recorded = recordScenes[id], !newScenes.contains(where: { $0.id == id }) {
                scene = recorded
                takenNames.insert(scene.name.lowercased())
            } else {
                let recorded = start.kinoSceneID.flatMap { recordScenes[$0] }
                scene = Scene(id: allocate(SceneID.self), name: uniqueName(recorded?.name ?? start.name),
                              environment: recorded?.environment ?? start.environment,
                              lightingID: recorded?.lightingID.flatMap { lightingMap[$0] })
            }
            newScenes.append(scene)
            sceneOfStart[startIndex] = newScenes.count - 1
            sceneFor[i] = newScenes.count - 1
        }
        if restoring, let record = kinoProject {
            // Scenes of the record that hold no clip any more are kept, so ids stay as they were.
            for s in record.scenes where !newScenes.contains(where: { $0.id == s.id }) { newScenes.append(s) }
            let order = Dictionary(record.scenes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            let sorted = newScenes.enumerated().sorted { (order[$0.element.id] ?? Int.max, $0.offset) < (order[$1.element.id] ?? Int.max, $1.offset) }
            let remap = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1.offset, $0) })
            newScenes = sorted.map(\.element)
            sceneFor = sceneFor.map { remap[$0]! }
        }
        for (i, s) in newScenes.enumerated() { edits.append(.insertScene(s, at: base.scenes.count + i)) }

        // Shots.
        var shots: [Shot] = []
        shots.reserveCapacity(clips.count)
        for (i, clip) in clips.enumerated() {
            let scene = newScenes[sceneFor[i]].id
            let what = clip.name.isEmpty ? "clip \(i + 1)" : "clip '\(clip.name)'"
            var shot: Shot
            if var recorded = clip.kinoShot {
                if !restoring || base.shotIndex(recorded.id) != nil || shots.contains(where: { $0.id == recorded.id }) {
                    recorded.id = allocate(ShotID.self)
                }
                if restoring, let recordedScene = recordScenes[recorded.sceneID], newScenes.contains(recordedScene) {
                    recorded.sceneID = recordedScene.id
                } else {
                    recorded.sceneID = scene
                }
                let castBefore = recorded.cast.count
                recorded.cast = recorded.cast.compactMap { m in characterMap[m.characterID].map { CastMember(characterID: $0, blocking: m.blocking) } }
                if recorded.cast.count < castBefore { report.append("\(what): \(castBefore - recorded.cast.count) cast member(s) not in this project dropped") }
                if let l = recorded.lightingID {
                    recorded.lightingID = lightingMap[l]
                    if recorded.lightingID == nil { report.append("\(what): its lighting setup is not in this project; the scene's is used") }
                }
                recorded.currentTakeID = nil
                recorded.duration = clip.duration
                shot = recorded
            } else {
                let id: ShotID = allocate(ShotID.self)
                let name = String(clip.name.prefix(Limits.maxNameLength))
                let prompt = String(([clip.name] + clip.notes).filter { !$0.isEmpty }.joined(separator: ". ").prefix(Limits.maxPromptLength))
                shot = Shot(id: id, sceneID: scene, name: name, prompt: prompt, duration: clip.duration, seed: UInt64(id.number))
                switch clip.media {
                case .file(let path):
                    guard let facts = media[path], let rate = facts.frameRate, let count = facts.frameCount else {
                        throw InterchangeError.mediaMissing(file: label, item: what, path: path)
                    }
                    let first = Int((clip.sourceStart * rate).doubleValue.rounded())
                    let wanted = Int((Rational(Int64(clip.duration)) / self.frameRate.perSecond * rate).doubleValue.rounded())
                    guard first < count else {
                        throw InterchangeError.negativeRange(file: label, item: what, range: "starting past the end of its media (\(count) frames)")
                    }
                    let last = min(count, first + max(1, wanted))
                    if last < first + wanted { report.append("\(what): the media ends \(first + wanted - last) frames before the clip; the last frame is held") }
                    shot.sourceVideo = VideoSource(media: MediaReference(path: path, contentHash: facts.contentHash),
                                                   inFrame: first, outFrame: last, clipFrameRate: rate)
                case .imageSequence(let image):
                    guard let facts = media[image] else { throw InterchangeError.mediaMissing(file: label, item: what, path: image) }
                    shot.startImage = MediaReference(path: image, contentHash: facts.contentHash)
                    report.append("\(what): an image sequence; its first image starts a shot to generate")
                case .missing:
                    break
                }
            }
            shots.append(shot)
        }
        for (i, s) in shots.enumerated() { edits.append(.insertShot(s, at: base.shots.count + i)) }

        // Markers.
        let offset = base.duration
        var markerCount = base.markers.count
        if restoring, let record = kinoProject {
            for m in record.markers { edits.append(.insertMarker(m, at: markerCount)); markerCount += 1 }
        }
        let recorded = Set((kinoProject?.markers ?? []).map { "\($0.frame)\n\($0.label)" })
        for n in notes where !(restoring && recorded.contains("\(n.frame)\n\(n.label)")) {
            let m = Marker(id: allocate(MarkerID.self), frame: offset + n.frame, label: String(n.label.prefix(Limits.maxNameLength)))
            edits.append(.insertMarker(m, at: markerCount)); markerCount += 1
        }
        // Sound: restored as it was, or the clips appended after the project's end.
        if let audio = kinoProject?.audio {
            if restoring {
                for lane in audio.lanes where lane != base.audio.lane(lane.kind) {
                    edits.append(.audio(.updateLane(old: base.audio.lane(lane.kind), new: lane)))
                }
                if audio.ducking != base.audio.ducking { edits.append(.audio(.updateDucking(old: base.audio.ducking, new: audio.ducking))) }
            }
            for kind in AudioLaneKind.allCases {
                for (i, var clip) in audio.clips(in: kind).enumerated() {
                    if !restoring {
                        clip.id = allocate(AudioClipID.self)
                        clip.start += offset
                    }
                    edits.append(.audio(.insertClip(clip, lane: kind, at: base.audio.clips(in: kind).count + i)))
                }
            }
        }
        edits.append(.advanceIDs(from: base.nextIDNumber, to: next))
        let group = Edit.group(label: "import \(label)", edits: edits)
        try work.apply(group)
        return ImportPlan(edit: group, project: work, shotsAdded: shots.count, scenesAdded: newScenes.count, report: report)
    }
}
