public enum TimeOfDay: String, Hashable, Sendable, Codable, CaseIterable { case morning, noon, afternoon, sunset, night }
public enum Weather: String, Hashable, Sendable, Codable, CaseIterable { case clear, rain, fog }

/// A lighting setup shared by the shots of a scene (or several scenes) for continuity.
public struct LightingSetup: Hashable, Sendable, Codable, Identifiable {
    public var id: LightingID
    public var name: String
    /// Key light direction in degrees: azimuth around y (0 = from +z, the camera side), elevation above the horizon.
    public var keyAzimuth: Double
    public var keyElevation: Double
    /// Key light colour temperature in kelvin (1000…12000).
    public var colorTemperature: Double
    /// Key light intensity, 0…4 (1 = nominal).
    public var intensity: Double
    /// Ambient fill, 0…1.
    public var ambient: Double
    public var timeOfDay: TimeOfDay
    public var weather: Weather

    public init(id: LightingID, name: String, keyAzimuth: Double = 35, keyElevation: Double = 45,
                colorTemperature: Double = 5600, intensity: Double = 1, ambient: Double = 0.35,
                timeOfDay: TimeOfDay = .noon, weather: Weather = .clear) {
        self.id = id; self.name = name; self.keyAzimuth = keyAzimuth; self.keyElevation = keyElevation
        self.colorTemperature = colorTemperature; self.intensity = intensity; self.ambient = ambient
        self.timeOfDay = timeOfDay; self.weather = weather
    }
}
