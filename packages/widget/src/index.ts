// The brand's public answers the elements read, typed where the backend's side is too.
export type { AmbassadorPublicStats, PublicCode } from '@referkit/events';
export type { IntentChannel } from './channels.js';
export { CHANNELS } from './channels.js';
export type { ProgramTerms, ReferkitClient, WidgetConfig } from './config.js';
export { init } from './config.js';
export { defineElements, ReferkitOfferElement, ReferkitShareElement } from './elements.js';
export type { Catalogue, PluralText } from './i18n/catalogue.js';
export { en } from './i18n/en.js';
export { LOCALES } from './i18n/locale.js';
export type { ReferkitCommand } from './loader.js';
export { installLoader } from './loader.js';
export type { OfferBannerProps } from './offer-banner.js';
export { OfferBanner } from './offer-banner.js';
export type { OfferTerms } from './offer-text.js';
export { friendOfferText, offerHeadline, rewardText } from './offer-text.js';
export type { Disclosure } from './share-message.js';
export type { ShareDetail, SharePanelProps } from './share-panel.js';
export { SharePanel } from './share-panel.js';
