/// Project-wide settings: the parts of a project that are not lists.
public struct ProjectSettings: Hashable, Sendable, Codable {
    public var name: String
    public var frameRate: FrameRate
    public var resolution: Resolution
    public init(name: String, frameRate: FrameRate = .fps24, resolution: Resolution = .hd720) {
        self.name = name; self.frameRate = frameRate; self.resolution = resolution
    }
}

/// Everything a multi-shot video is made of, as one value. Edits turn one Project into the
/// next; the store persists each edit; undo applies the inverse.
public struct Project: Hashable, Sendable, Codable {
    public var settings: ProjectSettings
    public var scenes: [Scene]
    /// Shots in timeline order.
    public var shots: [Shot]
    public var characters: [Character]
    public var lightingSetups: [LightingSetup]
    public var markers: [Marker]
    /// The lanes of sound under the picture.
    public var audio: AudioTimeline = AudioTimeline()
    /// The next number handed out for a new id of any kind; ids are never reused.
    public var nextIDNumber: Int

    public init(settings: ProjectSettings, scenes: [Scene] = [], shots: [Shot] = [], characters: [Character] = [],
                lightingSetups: [LightingSetup] = [], markers: [Marker] = [], nextIDNumber: Int = 1) {
        self.settings = settings; self.scenes = scenes; self.shots = shots; self.characters = characters
        self.lightingSetups = lightingSetups; self.markers = markers; self.nextIDNumber = nextIDNumber
    }

    public var frameRate: FrameRate { settings.frameRate }

    /// Total length in frames.
    public var duration: Int { shots.reduce(0) { $0 + $1.duration } }

    /// The first frame of each shot on the timeline.
    public var shotStarts: [Int] {
        var out: [Int] = []
        out.reserveCapacity(shots.count)
        var t = 0
        for s in shots { out.append(t); t += s.duration }
        return out
    }

    /// Which shot covers timeline frame `frame`, and the frame within it.
    public func shot(atTimelineFrame frame: Int) -> (index: Int, local: Int)? {
        var t = 0
        for (i, s) in shots.enumerated() {
            if frame < t + s.duration { return (i, max(0, frame - t)) }
            t += s.duration
        }
        return nil
    }

    public func shotIndex(_ id: ShotID) -> Int? { shots.firstIndex { $0.id == id } }
    public func sceneIndex(_ id: SceneID) -> Int? { scenes.firstIndex { $0.id == id } }
    public func characterIndex(_ id: CharacterID) -> Int? { characters.firstIndex { $0.id == id } }
    public func lightingIndex(_ id: LightingID) -> Int? { lightingSetups.firstIndex { $0.id == id } }

    public func shot(_ id: ShotID) -> Shot? { shotIndex(id).map { shots[$0] } }
    public func scene(_ id: SceneID) -> Scene? { sceneIndex(id).map { scenes[$0] } }
    public func character(_ id: CharacterID) -> Character? { characterIndex(id).map { characters[$0] } }
    public func lighting(_ id: LightingID) -> LightingSetup? { lightingIndex(id).map { lightingSetups[$0] } }

    /// The lighting a shot renders with: its override, else its scene's, else none.
    public func effectiveLighting(for shot: Shot) -> LightingSetup? {
        if let l = shot.lightingID, let s = lighting(l) { return s }
        if let sc = scene(shot.sceneID), let l = sc.lightingID { return lighting(l) }
        return nil
    }

    /// Shots that cast a character.
    public func shots(using character: CharacterID) -> [Shot] {
        shots.filter { $0.cast.contains { $0.characterID == character } }
    }

    /// Finds a shot by id ("sh4") or 1-based timeline position ("2").
    public func resolveShot(_ text: String) throws -> Shot {
        if let n = Int(text) {
            guard n >= 1, n <= shots.count else { throw ValidationError.unknownShot(text, count: shots.count) }
            return shots[n - 1]
        }
        guard let s = shot(ShotID(raw: text)) else { throw ValidationError.unknownShot(text, count: shots.count) }
        return s
    }

    /// Finds a scene by id ("sc2"), 1-based position, or exact name.
    public func resolveScene(_ text: String) throws -> Scene {
        if let n = Int(text) {
            guard n >= 1, n <= scenes.count else { throw ValidationError.unknownScene(text, count: scenes.count) }
            return scenes[n - 1]
        }
        if let s = scene(SceneID(raw: text)) { return s }
        if let s = scenes.first(where: { $0.name.caseInsensitiveEquals(text) }) { return s }
        throw ValidationError.unknownScene(text, count: scenes.count)
    }

    /// Finds a character by id ("ch1") or name.
    public func resolveCharacter(_ text: String) throws -> Character {
        if let c = character(CharacterID(raw: text)) { return c }
        if let c = characters.first(where: { $0.name.caseInsensitiveEquals(text) }) { return c }
        throw ValidationError.unknownCharacter(text)
    }

    /// Finds a lighting setup by id ("lt1") or name.
    public func resolveLighting(_ text: String) throws -> LightingSetup {
        if let l = lighting(LightingID(raw: text)) { return l }
        if let l = lightingSetups.first(where: { $0.name.caseInsensitiveEquals(text) }) { return l }
        throw ValidationError.unknownLighting(text)
    }

    /// Hands out a fresh id number; ids are never reused.
    public mutating func allocateID<ID: KinoID>(_: ID.Type = ID.self) -> ID {
        defer { nextIDNumber += 1 }
        return ID(number: nextIDNumber)
    }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool { lowercased() == other.lowercased() }
}
