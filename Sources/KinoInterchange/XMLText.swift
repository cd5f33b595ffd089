/// Text escaped for an XML attribute or element.
func xmlEscaped(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.count)
    for u in s.unicodeScalars {
        switch u {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        case "\n": out += "&#10;"
        case "\t": out += "&#9;"
        case "\r": out += "&#13;"
        // XML 1.0 cannot hold other control characters, even escaped.
        case _ where u.value < 0x20: continue
        default: out.unicodeScalars.append(u)
        }
    }
    return out
}
