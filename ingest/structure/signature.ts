/**
 * The signature block that ends a document's body (Nghị định 30/2020/NĐ-CP): "Nơi nhận:",
 * "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "CHỦ TỊCH". Past it only recipients, signatures and
 * attachments follow.
 */
export const SIGNATURE_RE =
  /^(?:Nơi nhận\s*:|(?:TM|KT|Q|TL|T\/M)\.?\s+[\p{Lu} ]{3,}$|(?:CHỦ TỊCH|PHÓ CHỦ TỊCH|BỘ TRƯỞNG|THỨ TRƯỞNG|THỦ TƯỚNG|PHÓ THỦ TƯỚNG)(?: QUỐC HỘI)?$)/u;
