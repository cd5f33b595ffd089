/// Short, stable identifiers a person can type: "sh4", "sc2", "ch1", "lt1", "tk12".
/// They are never reused within a project, so a script that wrote one down stays right.
public protocol KinoID: Hashable, Sendable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral {
    var raw: String { get }
    init(raw: String)
    static var prefix: String { get }
}

extension KinoID {
    public init(stringLiteral value: String) { self.init(raw: value) }
    public var description: String { raw }
    public init(number: Int) { self.init(raw: "\(Self.prefix)\(number)") }
    /// The numeric part, used to order ids by creation.
    public var number: Int { Int(raw.dropFirst(Self.prefix.count)) ?? 0 }
    public static func < (a: Self, b: Self) -> Bool { a.number < b.number }
    /// Whether the id is what Kino hands out: the prefix and 1 to 12 digits, nothing else. Ids
    /// become file names (the frame cache, exported frames), so one read from a file that is
    /// not well formed is refused — `../../x` must never reach a path.
    public var isWellFormed: Bool {
        guard raw.hasPrefix(Self.prefix) else { return false }
        let digits = raw.utf8.dropFirst(Self.prefix.utf8.count)
        return (1...12).contains(digits.count) && digits.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
    /// Throws unless `isWellFormed`.
    public func checkWellFormed() throws {
        guard isWellFormed else { throw ValidationError.malformedID(kind: Self.kindName, value: raw) }
    }
    static var kindName: String {
        switch Self.prefix {
        case "sh": return "shot"
        case "sc": return "scene"
        case "ch": return "character"
        case "lt": return "lighting"
        case "tk": return "take"
        case "mk": return "marker"
        default: return Self.prefix
        }
    }
    public init(from decoder: Decoder) throws { self.init(raw: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(raw)
    }
}

public struct ShotID: KinoID { public let raw: String; public init(raw: String) { self.raw = raw }; public static let prefix = "sh" }
public struct SceneID: KinoID { public let raw: String; public init(raw: String) { self.raw = raw }; public static let prefix = "sc" }
public struct CharacterID: KinoID { public let raw: String; public init(raw: String) { self.raw = raw }; public static let prefix = "ch" }
public struct LightingID: KinoID { public let raw: String; public init(raw: String) { self.raw = raw }; public static let prefix = "lt" }
public struct TakeID: KinoID { public let raw: String; public init(raw: String) { self.raw = raw }; public static let prefix = "tk" }
public struct MarkerID: KinoID { public let raw: String; public init(raw: String) { self.raw = raw }; public static let prefix = "mk" }
