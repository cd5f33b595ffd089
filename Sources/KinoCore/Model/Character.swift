/// Body build, as the engine draws it.
public enum Build: String, Hashable, Sendable, Codable, CaseIterable { case slim, average, broad }

/// Hair style, as the engine draws it.
public enum HairStyle: String, Hashable, Sendable, Codable, CaseIterable { case short, long, bun, bald, curly }

/// A character's stored look, derived once from the description (and reference image) and
/// then used by every shot: this is the character's memory.
public struct Appearance: Hashable, Sendable, Codable {
    public var skin: RGB
    public var hair: RGB
    public var top: RGB
    public var bottom: RGB
    /// Height in metres.
    public var height: Double
    public var build: Build
    public var hairStyle: HairStyle
    public var faceSeed: UInt64

    public init(skin: RGB, hair: RGB, top: RGB, bottom: RGB, height: Double, build: Build,
                hairStyle: HairStyle, faceSeed: UInt64) {
        self.skin = skin; self.hair = hair; self.top = top; self.bottom = bottom
        self.height = height; self.build = build; self.hairStyle = hairStyle; self.faceSeed = faceSeed
    }
}

/// A person who appears in several shots and must look the same in each.
public struct Character: Hashable, Sendable, Codable, Identifiable {
    public var id: CharacterID
    public var name: String
    public var description: String
    public var reference: MediaReference?
    public var appearance: Appearance

    public init(id: CharacterID, name: String, description: String, reference: MediaReference? = nil,
                appearance: Appearance) {
        self.id = id; self.name = name; self.description = description
        self.reference = reference; self.appearance = appearance
    }
}
