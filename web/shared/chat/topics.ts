/** Suggested questions by topic, as members actually ask them. */
export interface Topic {
  id: string;
  label: string;
  questions: string[];
}

export const TOPICS: Topic[] = [
  {
    id: 'bao-luc',
    label: 'Bạo lực gia đình',
    questions: [
      'Chồng tôi hay đánh tôi thì tôi phải làm sao?',
      'Bị chồng chửi bới, xúc phạm có phải là bạo lực gia đình không?',
      'Tôi có thể yêu cầu cấm người gây bạo lực tiếp xúc với mình không?',
    ],
  },
  {
    id: 'hon-nhan',
    label: 'Hôn nhân – ly hôn',
    questions: [
      'Vợ chồng thuận tình ly hôn cần điều kiện gì?',
      'Tôi muốn ly hôn nhưng chồng không đồng ý thì có được không?',
      'Tài sản chung của vợ chồng được chia thế nào khi ly hôn?',
    ],
  },
  {
    id: 'con-cai',
    label: 'Con cái – cấp dưỡng',
    questions: [
      'Ly hôn thì ai được nuôi con dưới 36 tháng tuổi?',
      'Chồng cũ không chịu cấp dưỡng nuôi con thì tôi phải làm gì?',
      'Mức cấp dưỡng nuôi con được xác định như thế nào?',
    ],
  },
  {
    id: 'lao-dong',
    label: 'Lao động nữ – thai sản',
    questions: [
      'Lao động nữ được nghỉ thai sản bao lâu?',
      'Công ty có được sa thải tôi khi tôi đang mang thai không?',
      'Nghỉ sinh con được hưởng chế độ bảo hiểm xã hội gì?',
    ],
  },
  {
    id: 'tre-em',
    label: 'Trẻ em',
    questions: ['Phát hiện trẻ em bị bạo hành thì báo cho ai?', 'Những hành vi nào bị nghiêm cấm đối với trẻ em?'],
  },
  {
    id: 'binh-dang',
    label: 'Bình đẳng giới',
    questions: ['Thế nào là phân biệt đối xử về giới?', 'Vợ chồng có quyền ngang nhau với tài sản chung không?'],
  },
  {
    id: 'mua-ban-nguoi',
    label: 'Mua bán người',
    questions: ['Có người rủ đi làm việc lương cao ở nước ngoài, làm sao biết có bị lừa bán không?', 'Tội mua bán người bị xử lý như thế nào?'],
  },
];
