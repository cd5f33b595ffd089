import KinoCore
import KinoEngine

/// A verb's arguments after parsing: typed values by argument name.
public struct VerbArguments: Hashable, Sendable {
    public var values: [String: ArgumentValue] = [:]
    public init(_ values: [String: ArgumentValue] = [:]) { self.values = values }

    public subscript(_ name: String) -> ArgumentValue? {
        get { values[name] }
        set { values[name] = newValue }
    }
    public func has(_ name: String) -> Bool { values[name] != nil }

    public func text(_ name: String) -> String? { if case .text(let t)? = values[name] { return t }; return nil }
    public func frames(_ name: String) -> Int? { if case .frames(let f)? = values[name] { return f }; return nil }
    public func range(_ name: String) -> Range<Int>? { if case .range(let r)? = values[name] { return r }; return nil }
    public func number(_ name: String) -> Double? { if case .number(let v)? = values[name] { return v }; return nil }
    public func integer(_ name: String) -> Int? { if case .integer(let v)? = values[name] { return v }; return nil }
    public func seed(_ name: String) -> UInt64? { if case .seed(let v)? = values[name] { return v }; return nil }
    public func vector(_ name: String) -> Vec3? { if case .vector(let v)? = values[name] { return v }; return nil }
    public func shot(_ name: String = "shot") -> ShotID? { if case .shot(let v)? = values[name] { return v }; return nil }
    public func scene(_ name: String = "scene") -> SceneID? { if case .scene(let v)? = values[name] { return v }; return nil }
    public func characters(_ name: String) -> [CharacterID]? { if case .characters(let v)? = values[name] { return v }; return nil }
    public func character(_ name: String = "character") -> CharacterID? { characters(name)?.first }
    /// nil: not given; .some(nil): `none`.
    public func lighting(_ name: String = "lighting") -> LightingID?? { if case .lighting(let v)? = values[name] { return .some(v) }; return nil }
    public func flag(_ name: String) -> Bool { if case .flag(let v)? = values[name] { return v }; return false }
    public func image(_ name: String) -> MediaReference? { if case .image(let v)? = values[name] { return v }; return nil }
    public func footage(_ name: String) -> (VideoSource, Double)? { if case .footage(let v, let s)? = values[name] { return (v, s) }; return nil }

    /// A value a verb requires (the parser guarantees it; this names it if not).
    func require<T>(_ value: T?, _ name: String) throws -> T {
        guard let value else { throw VerbError.missingArgument(verb: "", argument: name) }
        return value
    }
}
