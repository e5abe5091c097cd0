/**
 * Load-test questions: written for the benchmark (not taken from any evaluation set), in the
 * mix members send — accented and unaccented, short and long, shorthand ("ck", "e", "ko").
 * None is an emergency, so the chat path answers them the ordinary way.
 */
export const BENCH_QUERIES: string[] = [
  'thủ tục ly hôn đơn phương',
  'ly hon thuan tinh can giay to gi',
  'quyền nuôi con dưới 36 tháng tuổi khi ly hôn',
  'chia tài sản chung của vợ chồng khi ly hôn',
  'ck e khong chiu cap duong nuoi con thi sao',
  'mức cấp dưỡng nuôi con sau ly hôn',
  'hành vi bạo lực gia đình bị xử phạt như thế nào',
  'nghi thai san duoc bao nhieu thang',
  'chế độ thai sản khi sinh con',
  'lao động nữ mang thai có bị sa thải không',
  'tuổi kết hôn của nam và nữ',
  'tai san rieng cua vo chong gom nhung gi',
  'người thừa kế theo pháp luật hàng thứ nhất',
  'di chúc miệng có hợp pháp không',
  'trẻ em có quyền được bảo vệ khỏi xâm hại',
  'bình đẳng giới trong lao động và việc làm',
  'biện pháp cấm tiếp xúc với người gây bạo lực',
  'hoa giai mau thuan gia dinh o thon xom',
  'con riêng có được hưởng thừa kế không',
  'trợ cấp một lần khi sinh con là bao nhiêu',
];

/** Questions for the LLM time-to-first-token run: ordinary, answerable, not emergencies. */
export const TTFT_QUERIES: string[] = [
  'Thủ tục ly hôn thuận tình cần những giấy tờ gì?',
  'Chia tài sản chung khi ly hôn như thế nào?',
  'Quyền nuôi con dưới 36 tháng tuổi khi ly hôn thuộc về ai?',
  'Lao động nữ nghỉ thai sản được bao nhiêu tháng?',
  'Người thừa kế theo pháp luật gồm những ai?',
];
