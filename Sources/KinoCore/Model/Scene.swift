/// A named group of consecutive shots sharing an environment and a lighting setup.
public struct Scene: Hashable, Sendable, Codable, Identifiable {
    public var id: SceneID
    public var name: String
    /// Free text describing the place ("white studio tabletop"); shots inherit it.
    public var environment: String
    public var lightingID: LightingID?

    public init(id: SceneID, name: String, environment: String = "", lightingID: LightingID? = nil) {
        self.id = id; self.name = name; self.environment = environment; self.lightingID = lightingID
    }
}
