/** Arabic, right to left, loaded only when a widget asks for `locale="ar"`. */
import type { LanguageCatalogue } from './catalogue.js';

/** The Arabic catalogue; Arabic has all six plural categories. */
export default {
  dir: 'rtl',
  both: 'امنح {offer} واحصل على {reward}',
  give: 'امنح {offer}',
  off: 'خصم {value}',
  offFirst: 'خصم {value} على طلبك الأول',
  ship: 'شحن مجاني',
  shipFirst: 'شحن مجاني لطلبك الأول',
  minimum: 'للطلبات من {amount}',
  // Without brackets, as the minimum is said.
  cap: 'بحد أقصى {amount}',
  credit: 'رصيد {value}',
  cash: '{value} نقدًا',
  points: { zero: '{n} نقطة', one: 'نقطة واحدة', two: 'نقطتان', few: '{n} نقاط', many: '{n} نقطة', other: '{n} نقطة' },
  share: '{value} من كل طلب',
  named: '{name} أهداك {offer}',
  friend: 'صديق أهداك {offer}',
  code: 'الرمز {code}',
  dismiss: 'إغلاق',
  offer: 'عرض الإحالة',
  invite: 'ادعُ أصدقاءك إلى {brand}',
  link: 'رابطك',
  copy: 'نسخ الرابط',
  copied: 'تم النسخ',
  copyFailed: 'تعذّر النسخ. الرابط محدد: اضغط Ctrl+C.',
  more: 'مشاركة…',
  on: 'شارك عبر {channel}',
  email: 'البريد',
  sms: 'رسالة نصية',
  qrShow: 'عرض رمز QR',
  qrHide: 'إخفاء رمز QR',
  qrLabel: 'رمز QR لرابطك',
  qrFailed: 'تعذّر تحميل رمز QR.',
  message: 'رسالتك',
  template: 'أحب {brand}. احصل على {offer} برابطي.',
  kept: 'يُضاف هذا السطر إلى ما تشاركه: {text}',
  progress: 'تقدّمك',
  joined: {
    zero: 'لم ينضم أحد',
    one: 'انضم صديق واحد',
    two: 'انضم صديقان',
    few: 'انضم {n} أصدقاء',
    // 11–99 take the singular accusative, 100 and up the singular genitive.
    many: 'انضم {n} صديقًا',
    other: 'انضم {n} صديق',
  },
  earned: 'ربحت {amount}',
  pending: '{amount} قيد الانتظار',
  ambassador: 'سفير',
  community_leader: 'قائد مجتمع',
  influencer: 'مؤثر',
  promoted: 'تمت ترقيتك إلى قائد مجتمع',
  // "Shares this week: 2 of 3": a label before the count reads right for every count.
  week: { other: 'مشاركات هذا الأسبوع: {done} من {n}' },
  month: { other: 'مشاركات هذا الشهر: {done} من {n}' },
  reached: 'تحقّق الهدف',
  // messageCopied and messageNotCopied are left to English: this file is 597 B brotli of its 600, and
  // 627 B with the first alone, worded as short as «نُسخت رسالتك: الصقها في منشورك.»
} satisfies LanguageCatalogue;
