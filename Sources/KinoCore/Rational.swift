/// An exact fraction, always stored reduced with a positive denominator.
/// Frame rates such as 24000/1001 must not be rounded, so time arithmetic stays exact.
public struct Rational: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let numerator: Int64
    public let denominator: Int64

    /// Creates a reduced fraction. The denominator must not be zero.
    public init(_ numerator: Int64, _ denominator: Int64 = 1) {
        precondition(denominator != 0, "Rational denominator is zero")
        let sign: Int64 = denominator < 0 ? -1 : 1
        let g = Rational.gcd(Swift.abs(numerator), Swift.abs(denominator))
        let d = g == 0 ? 1 : g
        self.numerator = sign * numerator / d
        self.denominator = sign * denominator / d
    }

    static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }

    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    public var description: String {
        denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
    }

    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }
    public static func + (lhs: Rational, rhs: Rational) -> Rational {
        Rational(lhs.numerator * rhs.denominator + rhs.numerator * lhs.denominator, lhs.denominator * rhs.denominator)
    }
    public static func - (lhs: Rational, rhs: Rational) -> Rational {
        Rational(lhs.numerator * rhs.denominator - rhs.numerator * lhs.denominator, lhs.denominator * rhs.denominator)
    }
    public static func * (lhs: Rational, rhs: Rational) -> Rational {
        Rational(lhs.numerator * rhs.numerator, lhs.denominator * rhs.denominator)
    }
    public static func / (lhs: Rational, rhs: Rational) -> Rational {
        Rational(lhs.numerator * rhs.denominator, lhs.denominator * rhs.numerator)
    }

    enum CodingKeys: String, CodingKey { case num, den }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let n = try c.decode(Int64.self, forKey: .num)
        let d = try c.decode(Int64.self, forKey: .den)
        // Int64.min has no positive counterpart: reducing it would overflow.
        guard d != 0, d != .min, n != .min else {
            throw DecodingError.dataCorruptedError(forKey: .den, in: c, debugDescription: "fraction \(n)/\(d) is out of range")
        }
        self.init(n, d)
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(numerator, forKey: .num)
        try c.encode(denominator, forKey: .den)
    }
}
