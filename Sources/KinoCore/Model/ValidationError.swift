import Foundation

/// Why a value or an edit was refused. Each case reads as a sentence a person can act on;
/// the project is unchanged whenever one is thrown.
public enum ValidationError: Error, Hashable, Sendable, LocalizedError {
    case invalidFrameRate(String)
    case invalidResolution(String)
    case invalidTime(String)
    case invalidDuration(String)
    case invalidNumber(field: String, value: String, expected: String)
    case invalidVector(String)
    case emptyName(kind: String)
    case duplicateName(kind: String, name: String)
    case textTooLong(field: String, limit: Int)
    case controlCharacter(field: String, character: String)
    case malformedID(kind: String, value: String)
    case unknownShot(String, count: Int)
    case unknownScene(String, count: Int)
    case unknownCharacter(String)
    case unknownLighting(String)
    case unknownTake(String)
    case unknownPreset(String)
    case unknownChannel(String)
    case sceneNotEmpty(name: String, shots: Int)
    case inUse(kind: String, name: String, by: String)
    case outOfRange(field: String, value: String, range: String)
    case idCollision(String)
    case stale(String)
    case noKeyAt(channel: String, frame: Double)

    /// One line, whatever the user typed: quoted values are shown with control characters escaped.
    public var errorDescription: String? { sentence.terminalSafeLine }

    private var sentence: String {
        switch self {
        case .invalidFrameRate(let s): return "frame rate '\(s)' is not valid; use a rate from 1 to 240 such as 24, 25, 30, 23.976 or 24000/1001"
        case .invalidResolution(let s): return "size '\(s)' is not valid; use WIDTHxHEIGHT between 16x16 and 7680x4320, such as 1280x720"
        case .invalidTime(let s): return "time '\(s)' is not valid; use seconds (2.5) or timecode (00:01:02:12)"
        case .invalidDuration(let s): return "duration '\(s)' is not valid; use a number of seconds greater than 0 and at most 600"
        case .invalidNumber(let f, let v, let e): return "\(f) '\(v)' is not valid; expected \(e)"
        case .invalidVector(let s): return "vector '\(s)' is not valid; use three numbers separated by commas, such as 0,1.6,6"
        case .emptyName(let k): return "the \(k) needs a name; pass --name"
        case .duplicateName(let k, let n): return "a \(k) named '\(n)' already exists; choose another name"
        case .textTooLong(let f, let l): return "\(f) is too long; keep it to \(l) characters at most"
        case .controlCharacter(let f, let c): return "\(f) contains the control character \(c); remove it (only prompts and descriptions may hold line breaks)"
        case .malformedID(let k, let v): return "\(k) id '\(v)' is not valid; ids look like a prefix and a number, such as sh3"
        case .unknownShot(let s, let c): return "shot \(s) does not exist; the project has \(c) shot\(c == 1 ? "" : "s") (use an id like sh3 or a position 1…\(max(c, 1)))"
        case .unknownScene(let s, let c): return "scene \(s) does not exist; the project has \(c) scene\(c == 1 ? "" : "s")"
        case .unknownCharacter(let s): return "character '\(s)' does not exist; add it with 'kino character add'"
        case .unknownLighting(let s): return "lighting setup '\(s)' does not exist; add it with 'kino lighting add'"
        case .unknownTake(let s): return "take \(s) does not exist for this shot; 'kino takes' lists them"
        case .unknownPreset(let s): return "camera preset '\(s)' is unknown; choose one of \(CameraPreset.allCases.map(\.rawValue).joined(separator: ", "))"
        case .unknownChannel(let s): return "camera channel '\(s)' is unknown; choose one of \(CameraChannel.allCases.map(\.rawValue).joined(separator: ", "))"
        case .sceneNotEmpty(let n, let c): return "scene '\(n)' still has \(c) shot\(c == 1 ? "" : "s"); move or remove them first"
        case .inUse(let k, let n, let b): return "\(k) '\(n)' is used by \(b); remove it there first"
        case .outOfRange(let f, let v, let r): return "\(f) \(v) is out of range; it must be within \(r)"
        case .idCollision(let s): return "id \(s) is already taken in this project"
        case .stale(let s): return "the project changed under this edit (\(s)); reload and try again"
        case .noKeyAt(let c, let f): return "channel \(c) has no key at frame \(f)"
        }
    }
}
