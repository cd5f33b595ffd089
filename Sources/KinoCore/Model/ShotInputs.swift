/// Everything that decides a shot's pixels, gathered from the project: the shot's hashed
/// fields (ShotField.all, role input or identity), its scene's environment, its effective
/// lighting (override, else the scene's; the setup's name aside), its cast's characters and
/// the frame rate. The project's size is not here: frames are kept per size.
///
/// This is the one definition of a shot's inputs. The input hash that decides whether a take
/// is current is taken over it (KinoKit), and `Project.shotDiff(since:)` compares it to tell
/// which shots an edit makes stale and whose jobs it cancels.
public struct ShotInputs: Hashable, Sendable, Codable {
    public private(set) var shot: Shot
    public private(set) var characters: [Character]
    public private(set) var lighting: LightingSetup?
    public private(set) var environment: String
    public private(set) var frameRate: FrameRate

    public init(shot: Shot, characters: [Character], lighting: LightingSetup?, environment: String, frameRate: FrameRate) {
        self.shot = ShotField.keeping([.identity, .input], of: shot)
        self.characters = characters
        self.lighting = lighting.map { var l = $0; l.name = ""; return l }
        self.environment = environment
        self.frameRate = frameRate
    }
}

/// What a shot renders with besides its own fields, as the project holds it now.
public struct RenderContext: Hashable, Sendable {
    public var characters: [Character]
    public var lighting: LightingSetup?
    public var environment: String
}

extension Project {
    /// The characters, lighting and environment `shot` renders with.
    public func renderContext(of shot: Shot) -> RenderContext {
        RenderContext(characters: shot.cast.compactMap { character($0.characterID) },
                      lighting: effectiveLighting(for: shot),
                      environment: scene(shot.sceneID)?.environment ?? "")
    }

    /// The inputs of `shot` in this project.
    public func inputs(of shot: Shot) -> ShotInputs {
        let c = renderContext(of: shot)
        return ShotInputs(shot: shot, characters: c.characters, lighting: c.lighting, environment: c.environment, frameRate: frameRate)
    }

    /// How the shots changed from `old` to this project, judged by their inputs.
    public func shotDiff(since old: Project) -> ShotDiff {
        var diff = ShotDiff()
        // What a shot depends on besides itself, compared once for all shots.
        let rateChanged = old.frameRate != frameRate
        let changedCharacters = Project.changedIDs(old.characters, characters)
        let changedLighting = Project.changedIDs(old.lightingSetups, lightingSetups)
        let changedScenes = Project.changedIDs(old.scenes, scenes)
        var oldByID: [ShotID: Shot]? = nil
        for (i, s) in shots.enumerated() {
            let o: Shot?
            if i < old.shots.count, old.shots[i].id == s.id { o = old.shots[i] } else {
                if oldByID == nil { oldByID = Dictionary(old.shots.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }) }
                o = oldByID![s.id]
            }
            guard let o else { diff.added.insert(s.id); continue }
            if o.currentTakeID != s.currentTakeID { diff.takeChanged.insert(s.id) }
            let lightingID = s.lightingID ?? scene(s.sceneID)?.lightingID
            let dependsOnChange = rateChanged || changedScenes.contains(s.sceneID) || changedScenes.contains(o.sceneID)
                || lightingID.map(changedLighting.contains) == true
                || s.cast.contains { changedCharacters.contains($0.characterID) }
                || o.cast.contains { changedCharacters.contains($0.characterID) }
            if !dependsOnChange && o == s { continue }
            if old.inputs(of: o) != inputs(of: s) { diff.inputsChanged.insert(s.id) }
        }
        if shots.count != old.shots.count || !diff.added.isEmpty {
            let now = Set(shots.map(\.id))
            for o in old.shots where !now.contains(o.id) { diff.removed.insert(o.id) }
        }
        return diff
    }

    /// Ids whose value differs between two lists (present in one only, or changed).
    static func changedIDs<T: Identifiable & Equatable>(_ a: [T], _ b: [T]) -> Set<T.ID> {
        if a == b { return [] }
        let old = Dictionary(a.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        var out = Set<T.ID>()
        var seen = Set<T.ID>()
        for x in b {
            seen.insert(x.id)
            if old[x.id] != x { out.insert(x.id) }
        }
        for x in a where !seen.contains(x.id) { out.insert(x.id) }
        return out
    }
}

/// The shots two versions of a project differ in, by the one definition of a shot's inputs.
public struct ShotDiff: Hashable, Sendable {
    /// Shots whose inputs changed: their current take no longer matches them.
    public var inputsChanged: Set<ShotID> = []
    /// Shots that are gone.
    public var removed: Set<ShotID> = []
    /// Shots that are new (or back, after an undo).
    public var added: Set<ShotID> = []
    /// Shots whose current take changed.
    public var takeChanged: Set<ShotID> = []

    public init() {}

    /// The shots the change affects: stale badges for the ones still there, and every job on
    /// one of them is cancelled.
    public var affected: Set<ShotID> { inputsChanged.union(removed) }

    /// The shots whose render state, takes or prompt report must be read again.
    public var needsStatus: Set<ShotID> { inputsChanged.union(added).union(takeChanged) }
}

extension Edit {
    /// The shots this edit affects when applied to `project` (nothing when it is refused).
    public func affectedShots(in project: Project) -> Set<ShotID> {
        guard let after = try? project.applying(self) else { return [] }
        return after.shotDiff(since: project).affected
    }
}
