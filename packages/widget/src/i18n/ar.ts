/** Arabic, right to left, loaded only when a widget asks for `locale="ar"`. */
import type { Catalogue } from './catalogue.js';

/**
 * The Arabic catalogue; Arabic has all six plural categories. Its chunk is at its 600 B budget: texts are
 * written without shadda (as most Arabic on screen is), and the copy-failure line gives the shortcut
 * without a verb, as German's does.
 */
export default {
  dir: 'rtl',
  both: 'امنح {offer} واحصل على {reward}',
  give: 'امنح {offer}',
  off: 'خصم {value}',
  offFirst: 'خصم {value} على طلبك الأول',
  // Definite, so that no case ending shows: after "امنح" the indefinite wanted the accusative
  // ("شحنًا مجانيًا"), which the banner and the template, where it follows a colon or "على", do not.
  ship: 'الشحن المجاني',
  shipFirst: 'الشحن المجاني لطلبك الأول',
  minimum: 'للطلبات من {amount}',
  // Without brackets, as the minimum is said.
  cap: 'حتى {amount}',
  credit: 'رصيد {value}',
  cash: '{value} نقدًا',
  points: { zero: '{n} نقطة', one: 'نقطة واحدة', two: 'نقطتين', few: '{n} نقاط', many: '{n} نقطة', other: '{n} نقطة' },
  share: '{value} من كل طلب',
  // "A gift from {name}": a verb ("أهداك") says whether the ambassador is a woman or a man, which the widget cannot know.
  named: 'هدية من {name}: {offer}',
  friend: 'هدية من صديق: {offer}',
  code: 'الرمز {code}',
  dismiss: 'إغلاق',
  offer: 'عرض الإحالة',
  invite: 'ادع أصدقاءك إلى {brand}',
  link: 'رابطك',
  copy: 'نسخ الرابط',
  copied: 'تم النسخ',
  copyFailed: 'تعذر النسخ. الرابط محدد: Ctrl+C أو ⌘C.',
  more: 'مشاركة…',
  on: 'شارك عبر {channel}',
  email: 'البريد',
  sms: 'رسالة نصية',
  qrShow: 'عرض رمز QR',
  qrHide: 'إخفاء رمز QR',
  qrLabel: 'رمز QR لرابطك',
  qrFailed: 'تعذر تحميل رمز QR.',
  message: 'رسالتك',
  template: 'أحب {brand}. احصل على {offer} برابطي.',
  kept: 'يضاف إلى مشاركتك: {text}',
  progress: 'تقدمك',
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
  pending: 'بانتظار {amount}',
  ambassador: 'سفير',
  community_leader: 'قائد مجتمع',
  influencer: 'مؤثر',
  promoted: 'تمت ترقيتك إلى قائد مجتمع',
  // "Shares this week: 2 of 3": a label before the count reads right for every count.
  week: { other: 'مشاركات هذا الأسبوع: {done} من {n}' },
  month: { other: 'مشاركات هذا الشهر: {done} من {n}' },
  reached: 'تحقق الهدف',
  messageCopied: 'تم نسخ رسالتك: الصقها في منشورك.',
  messageNotCopied: 'تعذر النسخ. انسخ رسالتك والصقها في منشورك.',
  // The Arabic comma: a middle dot beside Arabic-Indic digits is drawn like their zero ("٣ من ٣ · …" reads "3 of 30").
  sep: '، ',
} satisfies Catalogue;
