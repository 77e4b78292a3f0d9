// The names exports give the fields of a message (CSV/xlsx column headers, JSON keys), in Chinese
// and English, and what marks a message that has no text to lint (an image, a sticker). The
// config's `input.columns` names a field's column where these names don't cover an export.
import { InputError } from '../core/types.js';
import type { InputOptions, MessageField } from './format.js';

/** Field → the names it goes by, folded (lower case, no spaces, `_` or `-`). First match wins. */
const ALIASES: Record<MessageField, readonly string[]> = {
  conversation: [
    'conversation',
    'conversationid',
    'session',
    'sessionid',
    'chatid',
    'dialogid',
    'dialogueid',
    'threadid',
    'ticketid',
    'ticket',
    '会话id',
    '会话',
    '会话编号',
    '会话号',
    '會話id',
    '會話',
    '对话id',
    '对话',
    '對話id',
    '工单号',
    '工单id',
    '工單號',
  ],
  role: [
    'role',
    'sender',
    'from',
    'sendertype',
    'senderrole',
    'speakerrole',
    'authorrole',
    'usertype',
    '发送方',
    '發送方',
    '角色',
    '身份',
    '发送者角色',
    '发送人类型',
    '发送者类型',
  ],
  speaker: [
    'speaker',
    'agentname',
    'agent',
    'staffname',
    'sendername',
    'name',
    'nickname',
    'author',
    '客服',
    '坐席',
    '客服名称',
    '客服姓名',
    '客服昵称',
    '坐席名称',
    '坐席姓名',
    '客服名稱',
    '發送人',
    '发送人',
    '昵称',
    '暱稱',
    '姓名',
  ],
  time: [
    'time',
    'timestamp',
    'datetime',
    'date',
    'createdat',
    'sentat',
    'sendtime',
    'ts',
    'msgtime',
    '时间',
    '時間',
    '发送时间',
    '發送時間',
    '消息时间',
    '时间戳',
    '時間戳',
  ],
  text: [
    'text',
    'content',
    'message',
    'msg',
    'body',
    'messagetext',
    'msgcontent',
    '内容',
    '內容',
    '消息',
    '訊息',
    '消息内容',
    '聊天内容',
    '文本',
    '回复内容',
    '消息內容',
  ],
  id: ['messageid', 'msgid', '消息id', '訊息id'],
  type: ['type', 'msgtype', 'messagetype', 'contenttype', 'kind', '消息类型', '类型', '訊息類型', '類型'],
  complete: ['complete', '完整'],
  excerpt: ['excerpt', '节选', '片段'],
  lang: ['lang', 'language', 'locale', '语言', '語言'],
  channel: ['channel', 'platform', '渠道', '来源渠道', '平台'],
};

export const FIELDS = Object.keys(ALIASES) as MessageField[];

export function foldName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '');
}

/**
 * Which of `names` (column headers or keys) holds each field: the config's mapping first, then
 * the aliases. Throws when a configured column is not there (the config is wrong, not a record).
 */
export function resolveFields(names: readonly string[], options: InputOptions, where?: { file: string; line: number }): Partial<Record<MessageField, string>> {
  if (where || options.columns) return resolveUncached(names, options, where);
  // JSON messages repeat the same few key sets: resolve each set once. The last few sets are
  // compared key by key first (keys from Object.keys are interned, so that is a few pointer
  // compares: 1.3 ms for the 43,468 turns of a 4 MiB export, against 6.0 ms joining them for
  // the Map's key, measured).
  for (const r of recent) if (sameNames(r.names, names)) return r.fields;
  const cacheKey = names.join('\u0000');
  let fields = resolved.get(cacheKey);
  if (!fields) {
    fields = resolveUncached(names, options, where);
    if (resolved.size < 1000) resolved.set(cacheKey, fields);
  }
  if (recent.unshift({ names: names.slice(), fields }) > RECENT) recent.pop();
  return fields;
}

const RECENT = 4;
const recent: { names: readonly string[]; fields: Partial<Record<MessageField, string>> }[] = [];
const resolved = new Map<string, Partial<Record<MessageField, string>>>();

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

function resolveUncached(names: readonly string[], options: InputOptions, where?: { file: string; line: number }): Partial<Record<MessageField, string>> {
  const out: Partial<Record<MessageField, string>> = {};
  const taken = new Set<string>();
  for (const [field, name] of Object.entries(options.columns ?? {}) as [MessageField, string][]) {
    const found = names.find((n) => n === name) ?? names.find((n) => foldName(n) === foldName(name));
    if (found === undefined) {
      if (where)
        throw new InputError(
          `the config maps ${field} to the column "${name}", which this file does not have`,
          where.file,
          where.line,
          1,
          `its columns are: ${names.join(', ')}; fix input.columns in aslint.config.yaml`,
        );
      continue;
    }
    out[field] = found;
    taken.add(found);
  }
  const folded = names.map(foldName);
  for (const field of FIELDS) {
    if (out[field] !== undefined) continue;
    for (const alias of ALIASES[field]) {
      const k = folded.findIndex((n, i) => n === alias && !taken.has(names[i]!));
      if (k !== -1) {
        out[field] = names[k]!;
        taken.add(names[k]!);
        break;
      }
    }
  }
  return out;
}

const MEDIA_TYPES = new Set(
  [
    'image',
    'img',
    'picture',
    'pic',
    'photo',
    'sticker',
    'emoji',
    'emoticon',
    'file',
    'video',
    'voice',
    'audio',
    'location',
    'card',
    '图片',
    '圖片',
    '表情',
    '文件',
    '檔案',
    '视频',
    '視頻',
    '影片',
    '语音',
    '語音',
    '位置',
    '卡片',
  ].map(foldName),
);
const TEXT_TYPES = new Set(['text', 'txt', 'plain', '文本', '文字', 'message', 'msg'].map(foldName));

/** Whether a message type names a message without text (an image, a sticker, a voice note). */
export function isMediaType(type: string): boolean {
  return MEDIA_TYPES.has(foldName(type));
}

/** Whether a message type is plain text (anything else that is not media is linted as text too). */
export function isTextType(type: string): boolean {
  return TEXT_TYPES.has(foldName(type));
}

/** Text that only stands for a media message, as chat exports write it: `[图片]`, `[image]`. */
export function isMediaPlaceholder(text: string): boolean {
  // Most texts start with a letter or a Han character, which neither the brackets nor the spaces
  // (\s) the pattern allows are: those skip the regex (~40 ms → ~2 ms on 30 × 43k turns, measured).
  const c = text.charCodeAt(0);
  if ((c > 0x20 && c < 0x7f && c !== 0x28 && c !== 0x5b) || (c >= 0x3400 && c < 0xfeff)) return false;
  const m = /^\s*[[【(（]\s*([^\]】)）]{1,12})\s*[\]】)）]\s*$/.exec(text);
  return m !== null && isMediaType(m[1]!);
}

/** A yes/no field (`complete`, `excerpt`): true/false, 1/0, yes/no, 是/否. */
export function parseFlag(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v !== 'string') return undefined;
  const s = foldName(v);
  if (['true', '1', 'yes', 'y', '是', '对'].includes(s)) return true;
  if (['false', '0', 'no', 'n', '否', '不是'].includes(s)) return false;
  return undefined;
}
