import { describe, expect, it } from 'vitest';
import { assessDanger } from '../server/safety/assess.js';

/**
 * Two families the lead found with no alarm (issue 13): a person or a body part bought, or a child
 * lured with money and led away — trafficking (Điều 150, 151 BLHS); and a child or a woman shut in
 * a place the words otherwise give to animals (a pig pen, a hen coop, a cage, a well). Messages
 * written for this test, not taken from any question set.
 */
const level = (m: string) => assessDanger(m).level;

describe('a person or a body part bought, a child lured with money and led away', () => {
  it.each([
    'người đàn ông lạ cứ đến hỏi mua thằng con mới đẻ của tôi, ra giá 50 triệu',
    'có bà trong xóm gạ em bán đứa con gái đang bú cho bà ấy',
    'ong ta hoi mua con gai moi sinh cua em gia 70 trieu',
    'có người nhắn tin cho em, trả 250 triệu mua một quả thận của em',
    'người ta gạ chồng em bán thận lấy tiền trả nợ',
    'một phụ nữ đưa tiền xin con bé nhà em về nuôi, em sợ họ bán nó',
    'ông ta cho thằng bé nhà em tiền rồi dắt nó đi',
    // The money named as an amount, a word between paying and asking for the child (lead's probes).
    'lão ấy cho con bé 50 nghìn rồi dẫn nó ra bờ sông',
    'cho thang be nha em may chuc nghin roi cho no di dau khong biet',
    'mụ kia trả tiền để xin đứa con út nhà em mang đi',
  ])('at least urgent: %s', (m) => {
    expect(level(m)).not.toBe('ordinary');
  });
  it.each([
    'có người đàn ông lạ đang cho con em tiền và dẫn nó ra đầu ngõ',
    'bà ta vừa đưa em 20 triệu xin con gái em, giờ đang dắt nó ra xe',
    'có kẻ đang trả tiền mua đứa con mới sinh của em, họ đang bế nó lên xe',
  ])('now, an emergency: %s', (m) => {
    expect(level(m)).toBe('emergency');
  });
  it.each([
    'hỏi mua con bò giá bao nhiêu',
    'anh ấy trả 50 triệu mua xe máy của em có được không',
    'bán con lợn được 5 triệu',
    'xin con nuôi thủ tục thế nào',
    'em muốn nhận con nuôi thì cần giấy tờ gì',
    'bà nội cho cháu tiền rồi dắt đi chợ',
    'mẹ cho con em tiền mua sách',
    'bố cho con 20 nghìn rồi chở nó đi học',
    'ông nội cho cháu mấy trăm nghìn rồi dắt đi mua quần áo',
  ])('no alarm: %s', (m) => {
    expect(level(m)).toBe('ordinary');
  });
});

describe('a child or a woman shut in a pen, a coop, a cage or a well', () => {
  it.each([
    'bố dượng nhốt con bé nhà em trong chuồng lợn từ sáng đến giờ',
    'chồng em nhốt em vào chuồng gà, em đang ở trong này',
    'sáng nay nó nhốt thằng bé nhà em trong chuồng trâu',
    'bo duong nhot con be nha em trong chuong heo tu sang',
    'hắn nhốt con gái em trong cũi sắt ngoài sân',
    'hắn nhốt em xuống giếng',
  ])('an emergency: %s', (m) => {
    expect(level(m)).toBe('emergency');
  });
  it('told as past, a pen reads as a room does', () => {
    expect(level('năm ngoái bố dượng nhốt con bé nhà em trong chuồng lợn')).toBe(level('năm ngoái bố dượng nhốt con bé nhà em trong phòng'));
    expect(level('hồi nhỏ em hay bị bố dượng nhốt trong chuồng lợn')).not.toBe('emergency');
    expect(level('bố dượng hay nhốt con bé nhà em trong chuồng lợn')).toBe(level('bố dượng hay nhốt con bé nhà em trong phòng'));
  });
  it.each([
    'nhốt con gà vào chuồng',
    'con chó bị nhốt cả ngày',
    'nhốt lợn vào chuồng mới',
    'bà nội nhốt gà trong chuồng từ sáng',
    'nha em nhot con ga vao chuong',
    'em nhốt mấy con vịt vào chuồng rồi',
  ])('no alarm: %s', (m) => {
    expect(level(m)).toBe('ordinary');
  });
});
