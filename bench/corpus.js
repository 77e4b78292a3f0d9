// Generates a chat-like corpus: conversations in Simplified and Traditional Chinese and some
// English, with complaints, apologies, term misuses and forbidden phrasing at realistic rates.
import * as OpenCC from 'opencc-js/core';
import * as preset from 'opencc-js/preset';

const CUSTOMER = [
  '你好，我的快递三天了还没到，怎么回事',
  '收到的杯子是坏的，盒子也压扁了',
  '我想退货，可以无条件退货吗',
  '退款申请提交一周了还没到账',
  '发错颜色了，我要的是蓝色',
  '再不处理我就投诉了',
  '这个能保价吗？降价了怎么办',
  '请问什么时候发货',
  '尺码偏小，能换大一号吗',
  'my order is late and nobody answers',
];
const AGENT = [
  '亲，您好，很高兴为您服务',
  '非常抱歉给您带来不便，我马上为您查询物流',
  '本店支持七日无理由退货，商品完好即可申请',
  '这个不归我管，你去问别的部门',
  '已经为您登记补发，预计明天发出',
  '我们会尽快处理的',
  '退款一般在1到3个工作日内原路退回',
  '您自己看一下说明书吧',
  '可以换的，请在订单页面申请换货，运费由我们承担',
  '请问还有什么可以帮您的吗？',
  'Sorry for the delay, I have escalated your order.',
  '这款商品支持价保，降价后30天内可申请退还差价',
];

function rng(seed) {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

/** JSONL text of about `bytes` bytes; deterministic for a seed. */
export function makeCorpus(bytes, seed = 42) {
  const toTw = OpenCC.ConverterBuilder(preset)({ from: 'cn', to: 'twp' });
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const lines = [];
  let size = 0;
  for (let id = 1; size < bytes; id++) {
    const traditional = random() < 0.4;
    const turns = [];
    const n = 4 + Math.floor(random() * 10);
    for (let k = 0; k < n; k++) {
      const role = k % 2 === 0 ? 'customer' : 'agent';
      let text = pick(role === 'customer' ? CUSTOMER : AGENT);
      if (random() < 0.3) text += '，' + pick(role === 'customer' ? CUSTOMER : AGENT);
      turns.push({ role, speaker: role === 'agent' ? `客服${id % 17}` : undefined, text: traditional ? toTw(text) : text });
    }
    const line = JSON.stringify({ id: `c${id}`, turns });
    size += Buffer.byteLength(line) + 1;
    lines.push(line);
  }
  return lines.join('\n') + '\n';
}

/** `count` short text transcripts (`客服-name：…` / `顾客：…` lines), about 700 bytes each; deterministic for a seed. */
export function makeTranscripts(count, seed = 7) {
  const toTw = OpenCC.ConverterBuilder(preset)({ from: 'cn', to: 'twp' });
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const files = [];
  for (let id = 1; id <= count; id++) {
    const traditional = random() < 0.4;
    const lines = [];
    const n = 4 + Math.floor(random() * 10);
    for (let k = 0; k < n; k++) {
      const agent = k % 2 === 1;
      let text = pick(agent ? AGENT : CUSTOMER);
      if (random() < 0.3) text += '，' + pick(agent ? AGENT : CUSTOMER);
      if (traditional) text = toTw(text);
      lines.push(agent ? `客服-客服${id % 17}：${text}` : `顾客：${text}`);
    }
    files.push(lines.join('\n') + '\n');
  }
  return files;
}
