/// One change to a Project, as a value. Every edit carries what it needs to be undone:
/// `inverse` is exact, so history is a list of edits and undo applies inverses.
public indirect enum Edit: Hashable, Sendable, Codable {
    case updateSettings(old: ProjectSettings, new: ProjectSettings)
    case insertScene(Scene, at: Int)
    case deleteScene(Scene, at: Int)
    case updateScene(old: Scene, new: Scene)
    case insertShot(Shot, at: Int)
    case deleteShot(Shot, at: Int)
    case moveShot(ShotID, from: Int, to: Int)
    case updateShot(old: Shot, new: Shot)
    case insertCharacter(Character, at: Int)
    case deleteCharacter(Character, at: Int)
    case updateCharacter(old: Character, new: Character)
    case insertLighting(LightingSetup, at: Int)
    case deleteLighting(LightingSetup, at: Int)
    case updateLighting(old: LightingSetup, new: LightingSetup)
    case insertMarker(Marker, at: Int)
    case deleteMarker(Marker, at: Int)
    /// Id counter movement, so that undoing an add gives the id back only to redo.
    case advanceIDs(from: Int, to: Int)
    /// A change to the sound: clips, lanes, ducking (Audio/AudioEdit.swift).
    case audio(AudioEdit)
    /// Several edits applied and undone as one.
    case group(label: String, edits: [Edit])

    /// The edit that undoes this one.
    public var inverse: Edit {
        switch self {
        case .updateSettings(let o, let n): return .updateSettings(old: n, new: o)
        case .insertScene(let s, let i): return .deleteScene(s, at: i)
        case .deleteScene(let s, let i): return .insertScene(s, at: i)
        case .updateScene(let o, let n): return .updateScene(old: n, new: o)
        case .insertShot(let s, let i): return .deleteShot(s, at: i)
        case .deleteShot(let s, let i): return .insertShot(s, at: i)
        case .moveShot(let id, let f, let t): return .moveShot(id, from: t, to: f)
        case .updateShot(let o, let n): return .updateShot(old: n, new: o)
        case .insertCharacter(let c, let i): return .deleteCharacter(c, at: i)
        case .deleteCharacter(let c, let i): return .insertCharacter(c, at: i)
        case .updateCharacter(let o, let n): return .updateCharacter(old: n, new: o)
        case .insertLighting(let l, let i): return .deleteLighting(l, at: i)
        case .deleteLighting(let l, let i): return .insertLighting(l, at: i)
        case .updateLighting(let o, let n): return .updateLighting(old: n, new: o)
        case .insertMarker(let m, let i): return .deleteMarker(m, at: i)
        case .deleteMarker(let m, let i): return .insertMarker(m, at: i)
        case .advanceIDs(let f, let t): return .advanceIDs(from: t, to: f)
        case .audio(let a): return .audio(a.inverse)
        case .group(let label, let edits): return .group(label: label, edits: edits.reversed().map(\.inverse))
        }
    }

    /// A short description for the status line and `kino undo`.
    public var label: String {
        switch self {
        case .updateSettings: return "change project settings"
        case .insertScene(let s, _): return "add scene \(s.id) '\(s.name)'"
        case .deleteScene(let s, _): return "remove scene \(s.id) '\(s.name)'"
        case .updateScene(_, let s): return "change scene \(s.id)"
        case .insertShot(let s, _): return "add shot \(s.id)"
        case .deleteShot(let s, _): return "remove shot \(s.id)"
        case .moveShot(let id, _, let t): return "move shot \(id) to position \(t + 1)"
        case .updateShot(let o, let n): return "change \(ShotField.changedLabels(o, n)) of shot \(n.id)"
        case .insertCharacter(let c, _): return "add character \(c.name)"
        case .deleteCharacter(let c, _): return "remove character \(c.name)"
        case .updateCharacter(_, let c): return "change character \(c.name)"
        case .insertLighting(let l, _): return "add lighting \(l.name)"
        case .deleteLighting(let l, _): return "remove lighting \(l.name)"
        case .updateLighting(_, let l): return "change lighting \(l.name)"
        case .insertMarker(let m, _): return "add marker \(m.label)"
        case .deleteMarker(let m, _): return "remove marker \(m.label)"
        case .advanceIDs: return "allocate ids"
        case .audio(let a): return a.label
        case .group(let label, _): return label
        }
    }

    /// The shots this edit adds, in order (a group's included). Which shots an edit affects
    /// is `affectedShots(in:)`, from the one definition of a shot's inputs.
    public var addedShots: [ShotID] {
        switch self {
        case .insertShot(let s, _): return [s.id]
        case .group(_, let edits): return edits.flatMap(\.addedShots)
        default: return []
        }
    }
}
