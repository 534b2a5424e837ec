/// Checks that a plan is text before it is scanned: no NUL byte, valid UTF-8.
/// ASCII runs are checked eight bytes at a time, so a plan costs little more than a read.
enum UTF8Validation {
    enum Problem: Equatable {
        case nulByte(offset: Int)
        case invalidUTF8(offset: Int)
    }

    static func scalarLength(leadByte b: UInt8) -> Int {
        if b < 0x80 { return 1 }
        if b & 0xE0 == 0xC0 { return 2 }
        if b & 0xF0 == 0xE0 { return 3 }
        if b & 0xF8 == 0xF0 { return 4 }
        return 0
    }

    static func firstProblem(in bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
        let count = bytes.count
        var i = 0
        guard let base = bytes.baseAddress else { return nil }
        while i < count {
            if i + 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                // No high bit set and no zero byte among the eight: plain ASCII text.
                let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                if word & 0x8080_8080_8080_8080 == 0 && hasZero == 0 {
                    i += 8
                    continue
                }
            }
            let b = bytes[i]
            if b == 0 { return .nulByte(offset: i) }
            if b < 0x80 { i += 1; continue }
            let length = scalarLength(leadByte: b)
            guard length > 1, i + length <= count else { return .invalidUTF8(offset: i) }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return .invalidUTF8(offset: i) }
            // Overlong forms, surrogates and values past U+10FFFF.
            let b1 = bytes[i + 1]
            switch length {
            case 2 where b < 0xC2: return .invalidUTF8(offset: i)
            case 3 where (b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 >= 0xA0): return .invalidUTF8(offset: i)
            case 4 where (b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 >= 0x90) || b > 0xF4: return .invalidUTF8(offset: i)
            default: break
            }
            i += length
        }
        return nil
    }
}
