/// A frame size in pixels.
public struct Resolution: Hashable, Sendable, Codable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) throws {
        guard (16...7680).contains(width), (16...4320).contains(height) else {
            throw ValidationError.invalidResolution("\(width)x\(height)")
        }
        self.width = width
        self.height = height
    }

    public static let hd720 = try! Resolution(width: 1280, height: 720)
    public static let preview = try! Resolution(width: 320, height: 180)

    /// Parses "1280x720".
    public static func parse(_ text: String) throws -> Resolution {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]) else {
            throw ValidationError.invalidResolution(text)
        }
        return try Resolution(width: w, height: h)
    }

    public var description: String { "\(width)x\(height)" }
    public var aspect: Double { Double(width) / Double(height) }

    enum CodingKeys: String, CodingKey { case width, height }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(width: c.decode(Int.self, forKey: .width), height: c.decode(Int.self, forKey: .height))
    }
}
