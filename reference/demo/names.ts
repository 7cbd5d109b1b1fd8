import type { Culture } from './organisation.ts';
import type { Random } from './random.ts';

/**
 * Names as the people of each site write them: Traditional Chinese in Taiwan, Simplified Chinese in China,
 * Hangul in Korea, kanji in Japan, and the naming customs of Mexico, Singapore, Malaysia and of the
 * migrant workers of the Taiwanese factories (the Philippines, Vietnam, Indonesia). Each name also has a
 * romanisation for email addresses.
 */
export type PersonName = {
  fullName: string;
  /** ASCII romanisation, for email addresses. */
  given: string;
  family: string;
};

type Pair = readonly [native: string, roman: string];
type Weighted = readonly (readonly [Pair, number])[];

const p = (s: string): Pair[] =>
  s
    .trim()
    .split(/\s*;\s*/)
    .filter(Boolean)
    .map((entry) => {
      const [native, roman] = entry.split('=');
      return [native.trim(), roman.trim()] as const;
    });

/** Common surnames first: the first entries get a larger share. */
function zipf(pairs: Pair[], exponent = 0.9): Weighted {
  return pairs.map((pair, i) => [pair, 1 / (i + 1) ** exponent] as const);
}

const TW_FAMILY = zipf(
  p(`陳=Chen; 林=Lin; 黃=Huang; 張=Chang; 李=Li; 王=Wang; 吳=Wu; 劉=Liu; 蔡=Tsai; 楊=Yang; 許=Hsu; 鄭=Cheng;
  謝=Hsieh; 郭=Kuo; 洪=Hung; 曾=Tseng; 邱=Chiu; 廖=Liao; 賴=Lai; 周=Chou; 徐=Hsu; 蘇=Su; 葉=Yeh; 莊=Chuang;
  呂=Lu; 江=Chiang; 何=Ho; 蕭=Hsiao; 羅=Lo; 高=Kao; 潘=Pan; 簡=Chien; 朱=Chu; 鍾=Chung; 彭=Peng; 游=Yu;
  詹=Chan; 胡=Hu; 施=Shih; 沈=Shen; 余=Yu; 趙=Chao; 盧=Lu; 梁=Liang; 顏=Yen; 柯=Ko; 孫=Sun; 魏=Wei;
  翁=Weng; 戴=Tai`),
);
const TW_GIVEN = p(`怡君=Yi-Chun; 雅婷=Ya-Ting; 家豪=Chia-Hao; 志明=Chih-Ming; 俊傑=Chun-Chieh; 淑芬=Shu-Fen;
  美玲=Mei-Ling; 建宏=Chien-Hung; 冠宇=Kuan-Yu; 宗翰=Tsung-Han; 佳穎=Chia-Ying; 詩涵=Shih-Han; 承恩=Cheng-En;
  柏翰=Po-Han; 宜蓁=Yi-Chen; 欣怡=Hsin-Yi; 雅雯=Ya-Wen; 俊宏=Chun-Hung; 志偉=Chih-Wei; 文雄=Wen-Hsiung;
  明哲=Ming-Che; 信宏=Hsin-Hung; 佩珊=Pei-Shan; 惠雯=Hui-Wen; 家瑜=Chia-Yu; 思妤=Szu-Yu; 冠廷=Kuan-Ting;
  彥廷=Yen-Ting; 筱涵=Hsiao-Han; 宇軒=Yu-Hsuan; 品妤=Pin-Yu; 子涵=Tzu-Han; 哲瑋=Che-Wei; 建志=Chien-Chih;
  秀英=Hsiu-Ying; 麗華=Li-Hua; 國華=Kuo-Hua; 永福=Yung-Fu; 玉珍=Yu-Chen; 淑惠=Shu-Hui; 婉婷=Wan-Ting;
  育慈=Yu-Tzu; 嘉玲=Chia-Ling; 偉成=Wei-Cheng; 俊賢=Chun-Hsien; 韋廷=Wei-Ting; 心怡=Hsin-Yi; 政宏=Cheng-Hung;
  美惠=Mei-Hui; 振宇=Chen-Yu; 立偉=Li-Wei; 郁婷=Yu-Ting; 易儒=Yi-Ju; 庭瑋=Ting-Wei; 芳瑜=Fang-Yu;
  凱翔=Kai-Hsiang; 士豪=Shih-Hao; 靜宜=Ching-Yi; 秋萍=Chiu-Ping; 國榮=Kuo-Jung`);

const CN_FAMILY = zipf(
  p(`王=Wang; 李=Li; 张=Zhang; 刘=Liu; 陈=Chen; 杨=Yang; 黄=Huang; 赵=Zhao; 吴=Wu; 周=Zhou; 徐=Xu; 孙=Sun;
  马=Ma; 朱=Zhu; 胡=Hu; 郭=Guo; 何=He; 林=Lin; 高=Gao; 罗=Luo; 郑=Zheng; 梁=Liang; 谢=Xie; 宋=Song;
  唐=Tang; 许=Xu; 邓=Deng; 冯=Feng; 韩=Han; 曹=Cao; 曾=Zeng; 彭=Peng; 萧=Xiao; 蔡=Cai; 潘=Pan; 田=Tian;
  董=Dong; 袁=Yuan; 于=Yu; 余=Yu; 叶=Ye; 蒋=Jiang; 杜=Du; 苏=Su; 魏=Wei; 程=Cheng; 吕=Lyu; 丁=Ding;
  沈=Shen; 任=Ren`),
);
const CN_GIVEN =
  p(`伟=Wei; 芳=Fang; 娜=Na; 敏=Min; 静=Jing; 丽=Li; 强=Qiang; 磊=Lei; 军=Jun; 洋=Yang; 勇=Yong;
  艳=Yan; 杰=Jie; 娟=Juan; 涛=Tao; 明=Ming; 超=Chao; 秀英=Xiuying; 霞=Xia; 平=Ping; 刚=Gang; 桂英=Guiying;
  建华=Jianhua; 晓燕=Xiaoyan; 志强=Zhiqiang; 文博=Wenbo; 子涵=Zihan; 浩然=Haoran; 欣怡=Xinyi; 宇航=Yuhang;
  梓萱=Zixuan; 俊杰=Junjie; 佳琪=Jiaqi; 思远=Siyuan; 海燕=Haiyan; 春梅=Chunmei; 建国=Jianguo; 晨曦=Chenxi;
  雨桐=Yutong; 一鸣=Yiming; 海涛=Haitao; 丽娟=Lijuan; 晓明=Xiaoming; 红霞=Hongxia; 鹏=Peng; 婷婷=Tingting;
  雪=Xue; 鑫=Xin; 玉兰=Yulan; 国强=Guoqiang`);

const KR_FAMILY = zipf(
  p(`김=Kim; 이=Lee; 박=Park; 최=Choi; 정=Jung; 강=Kang; 조=Cho; 윤=Yoon; 장=Jang; 임=Lim; 한=Han; 오=Oh;
  서=Seo; 신=Shin; 권=Kwon; 황=Hwang; 안=Ahn; 송=Song; 류=Ryu; 홍=Hong`),
  1.1,
);
const KR_GIVEN =
  p(`민준=Min-jun; 서준=Seo-jun; 도윤=Do-yun; 예준=Ye-jun; 시우=Si-woo; 하준=Ha-jun; 지호=Ji-ho;
  지훈=Ji-hoon; 성민=Sung-min; 현우=Hyun-woo; 동현=Dong-hyun; 영호=Young-ho; 상훈=Sang-hoon; 정훈=Jung-hoon;
  서연=Seo-yeon; 서윤=Seo-yoon; 지우=Ji-woo; 하은=Ha-eun; 민서=Min-seo; 수빈=Su-bin; 지은=Ji-eun; 은지=Eun-ji;
  혜진=Hye-jin; 미경=Mi-kyung; 영희=Young-hee; 수진=Su-jin; 유진=Yu-jin; 지현=Ji-hyun; 준호=Jun-ho; 재원=Jae-won`);

const JP_FAMILY = zipf(
  p(`佐藤=Sato; 高橋=Takahashi; 鈴木=Suzuki; 斎藤=Saito; 伊藤=Ito; 阿部=Abe; 渡辺=Watanabe; 菅原=Sugawara;
  田中=Tanaka; 山本=Yamamoto; 中村=Nakamura; 小林=Kobayashi; 加藤=Kato; 吉田=Yoshida; 山田=Yamada;
  佐々木=Sasaki; 後藤=Goto; 松本=Matsumoto; 井上=Inoue; 木村=Kimura; 遠藤=Endo; 清水=Shimizu`),
);
const JP_GIVEN =
  p(`健太=Kenta; 翔太=Shota; 大輔=Daisuke; 拓也=Takuya; 直樹=Naoki; 和也=Kazuya; 浩=Hiroshi; 誠=Makoto;
  隆=Takashi; 修=Osamu; 陽子=Yoko; 恵子=Keiko; 美咲=Misaki; 彩=Aya; 由美=Yumi; 裕子=Yuko; 真由美=Mayumi;
  さくら=Sakura; 愛=Ai; 奈々=Nana; 陽菜=Hina; 悠斗=Yuto; 蓮=Ren; 智子=Tomoko; 亮=Ryo`);

const MX_FIRST =
  p(`José=Jose; Juan=Juan; Luis=Luis; Carlos=Carlos; Jesús=Jesus; Miguel=Miguel; Francisco=Francisco;
  Alejandro=Alejandro; Jorge=Jorge; Fernando=Fernando; Ricardo=Ricardo; Eduardo=Eduardo; Roberto=Roberto;
  Daniel=Daniel; Óscar=Oscar; Javier=Javier; Sergio=Sergio; Manuel=Manuel; María=Maria; Guadalupe=Guadalupe;
  Ana=Ana; Rosa=Rosa; Patricia=Patricia; Laura=Laura; Alejandra=Alejandra; Verónica=Veronica; Gabriela=Gabriela;
  Leticia=Leticia; Adriana=Adriana; Claudia=Claudia; Mónica=Monica; Sofía=Sofia; Fernanda=Fernanda;
  Daniela=Daniela; Diana=Diana; Karla=Karla`);
const MX_COMPOUND =
  p(`José Luis=Jose Luis; Juan Carlos=Juan Carlos; Luis Fernando=Luis Fernando; Miguel Ángel=Miguel Angel;
  María Guadalupe=Maria Guadalupe; María Fernanda=Maria Fernanda; Ana María=Ana Maria; Juan Pablo=Juan Pablo`);
const MX_FAMILY = zipf(
  p(`Hernández=Hernandez; García=Garcia; Martínez=Martinez; López=Lopez; González=Gonzalez; Pérez=Perez;
  Rodríguez=Rodriguez; Sánchez=Sanchez; Ramírez=Ramirez; Cruz=Cruz; Flores=Flores; Gómez=Gomez; Morales=Morales;
  Vázquez=Vazquez; Reyes=Reyes; Jiménez=Jimenez; Torres=Torres; Díaz=Diaz; Gutiérrez=Gutierrez; Ruiz=Ruiz;
  Mendoza=Mendoza; Aguilar=Aguilar; Ortiz=Ortiz; Moreno=Moreno; Castillo=Castillo; Romero=Romero;
  Álvarez=Alvarez; Méndez=Mendez; Chávez=Chavez; Rivera=Rivera; Juárez=Juarez; Ramos=Ramos;
  Domínguez=Dominguez; Herrera=Herrera; Medina=Medina; Castro=Castro`),
  0.7,
);

const SEA_CHINESE_FAMILY = zipf(
  p(`Tan=Tan; Lim=Lim; Lee=Lee; Ng=Ng; Ong=Ong; Wong=Wong; Goh=Goh; Chua=Chua; Chan=Chan; Koh=Koh; Teo=Teo;
  Ang=Ang; Yeo=Yeo; Tay=Tay; Ho=Ho; Low=Low; Toh=Toh; Sim=Sim; Chong=Chong; Chia=Chia`),
);
const PENANG_CHINESE_FAMILY = zipf(
  p(`Tan=Tan; Lim=Lim; Khoo=Khoo; Ooi=Ooi; Cheah=Cheah; Yeoh=Yeoh; Lee=Lee; Ong=Ong; Teh=Teh; Goh=Goh;
  Chan=Chan; Wong=Wong; Ng=Ng; Loh=Loh; Chin=Chin; Lau=Lau`),
);
const SEA_CHINESE_GIVEN =
  p(`Wei Ming=Wei Ming; Jia Hui=Jia Hui; Kai Xiang=Kai Xiang; Hui Min=Hui Min; Zhi Hao=Zhi Hao;
  Xin Yi=Xin Yi; Jun Jie=Jun Jie; Mei Ling=Mei Ling; Siew Lan=Siew Lan; Boon Keat=Boon Keat; Chee Keong=Chee Keong;
  Kok Leong=Kok Leong; Li Ting=Li Ting; Pei Shan=Pei Shan; Yi Xuan=Yi Xuan; Wen Jie=Wen Jie; Soon Huat=Soon Huat;
  Ai Ling=Ai Ling; Choon Hock=Choon Hock; Hui Ying=Hui Ying`);

const MALAY_MALE =
  p(`Muhammad Hafiz=Muhammad Hafiz; Ahmad Faizal=Ahmad Faizal; Mohd Azlan=Mohd Azlan; Amirul=Amirul;
  Haziq=Haziq; Syafiq=Syafiq; Iskandar=Iskandar; Khairul Anuar=Khairul Anuar; Zulkifli=Zulkifli; Rizal=Rizal;
  Firdaus=Firdaus; Aiman=Aiman; Muhammad Danial=Muhammad Danial; Hakim=Hakim; Shahrul=Shahrul`);
const MALAY_FEMALE =
  p(`Nur Aisyah=Nur Aisyah; Siti Nurhaliza=Siti Nurhaliza; Nurul Huda=Nurul Huda; Farah=Farah;
  Aina=Aina; Nabila=Nabila; Syazwani=Syazwani; Hidayah=Hidayah; Amira=Amira; Zarina=Zarina; Liyana=Liyana;
  Nur Izzati=Nur Izzati; Siti Aminah=Siti Aminah; Fatimah=Fatimah; Aishah=Aishah`);
const MALAY_FATHER =
  p(`Abdullah=Abdullah; Ismail=Ismail; Ibrahim=Ibrahim; Hassan=Hassan; Ahmad=Ahmad; Osman=Osman;
  Yusof=Yusof; Ali=Ali; Abdul Rahman=Abdul Rahman; Hamid=Hamid; Razak=Razak; Aziz=Aziz; Omar=Omar; Salleh=Salleh;
  Mahmud=Mahmud; Hashim=Hashim`);

const INDIAN_MALE =
  p(`Rajesh=Rajesh; Suresh=Suresh; Ganesh=Ganesh; Ravi=Ravi; Arun=Arun; Vijay=Vijay; Karthik=Karthik;
  Prakash=Prakash; Siva=Siva; Dinesh=Dinesh; Muthu=Muthu; Kumaran=Kumaran`);
const INDIAN_FEMALE = p(`Priya=Priya; Kavitha=Kavitha; Lakshmi=Lakshmi; Devi=Devi; Meena=Meena; Anitha=Anitha;
  Revathi=Revathi; Shanti=Shanti; Kalaivani=Kalaivani; Sangeetha=Sangeetha`);
const INDIAN_FATHER =
  p(`Subramaniam=Subramaniam; Krishnan=Krishnan; Muthusamy=Muthusamy; Raman=Raman; Gopal=Gopal;
  Nair=Nair; Pillai=Pillai; Rajendran=Rajendran; Murugan=Murugan; Selvam=Selvam; Arumugam=Arumugam`);

const PH_FIRST =
  p(`Maria=Maria; Mark=Mark; John Paul=John Paul; Jerome=Jerome; Mary Grace=Mary Grace; Kristine=Kristine;
  Angelica=Angelica; Jonathan=Jonathan; Michael=Michael; Rowena=Rowena; Jennifer=Jennifer; Ramon=Ramon; Joel=Joel;
  Arnel=Arnel; Liza=Liza; Jessa=Jessa; Rhea=Rhea; Marvin=Marvin`);
const PH_FAMILY = zipf(
  p(`Santos=Santos; Reyes=Reyes; Cruz=Cruz; Bautista=Bautista; Ocampo=Ocampo; Garcia=Garcia; Mendoza=Mendoza;
  Torres=Torres; Dela Cruz=Dela Cruz; Ramos=Ramos; Villanueva=Villanueva; Aquino=Aquino; Castillo=Castillo;
  Flores=Flores; Manalo=Manalo; Pascual=Pascual`),
  0.6,
);

const VN_FAMILY = zipf(
  p(`Nguyễn=Nguyen; Trần=Tran; Lê=Le; Phạm=Pham; Hoàng=Hoang; Huỳnh=Huynh; Phan=Phan; Vũ=Vu; Võ=Vo; Đặng=Dang;
  Bùi=Bui; Đỗ=Do`),
  1.3,
);
const VN_MALE =
  p(`Văn An=Van An; Văn Bình=Van Binh; Đức Cường=Duc Cuong; Văn Dũng=Van Dung; Minh Hải=Minh Hai;
  Văn Hùng=Van Hung; Đăng Khoa=Dang Khoa; Thành Long=Thanh Long; Hoài Nam=Hoai Nam; Văn Phúc=Van Phuc;
  Minh Quang=Minh Quang; Văn Sơn=Van Son; Đức Thắng=Duc Thang; Anh Tuấn=Anh Tuan`);
const VN_FEMALE =
  p(`Thị Lan=Thi Lan; Thị Hoa=Thi Hoa; Thị Hương=Thi Huong; Ngọc Linh=Ngoc Linh; Thị Mai=Thi Mai;
  Bảo Ngọc=Bao Ngoc; Thu Phương=Thu Phuong; Thị Thảo=Thi Thao; Thùy Trang=Thuy Trang; Hải Yến=Hai Yen`);

const ID_FIRST =
  p(`Budi=Budi; Agus=Agus; Eko=Eko; Joko=Joko; Dedi=Dedi; Andi=Andi; Rudi=Rudi; Hendra=Hendra; Wahyu=Wahyu;
  Siti=Siti; Sri=Sri; Dewi=Dewi; Rina=Rina; Yuni=Yuni; Ani=Ani; Ratna=Ratna; Indah=Indah; Putri=Putri`);
const ID_FAMILY = zipf(
  p(`Santoso=Santoso; Setiawan=Setiawan; Prasetyo=Prasetyo; Wahyudi=Wahyudi; Saputra=Saputra; Hidayat=Hidayat;
  Rahayu=Rahayu; Lestari=Lestari; Wulandari=Wulandari; Kurniawan=Kurniawan; Susanto=Susanto; Nugroho=Nugroho;
  Permatasari=Permatasari; Handayani=Handayani`),
  0.6,
);

const weightedPick = (rng: Random, list: Weighted): Pair => rng.weighted(list);

export function personName(rng: Random, culture: Culture): PersonName {
  switch (culture) {
    case 'tw':
    case 'cn': {
      const [fn, fr] = weightedPick(rng, culture === 'tw' ? TW_FAMILY : CN_FAMILY);
      const [gn, gr] = rng.pick(culture === 'tw' ? TW_GIVEN : CN_GIVEN);
      return { fullName: `${fn}${gn}`, given: gr, family: fr };
    }
    case 'kr': {
      const [fn, fr] = weightedPick(rng, KR_FAMILY);
      const [gn, gr] = rng.pick(KR_GIVEN);
      return { fullName: `${fn}${gn}`, given: gr, family: fr };
    }
    case 'jp': {
      const [fn, fr] = weightedPick(rng, JP_FAMILY);
      const [gn, gr] = rng.pick(JP_GIVEN);
      return { fullName: `${fn} ${gn}`, given: gr, family: fr };
    }
    case 'mx': {
      const [gn, gr] = rng.chance(0.25) ? rng.pick(MX_COMPOUND) : rng.pick(MX_FIRST);
      const [f1, r1] = weightedPick(rng, MX_FAMILY);
      const [f2] = weightedPick(rng, MX_FAMILY);
      return { fullName: `${gn} ${f1} ${f2}`, given: gr, family: r1 };
    }
    case 'sg-chinese':
    case 'my-chinese': {
      const [fn, fr] = weightedPick(
        rng,
        culture === 'sg-chinese' ? SEA_CHINESE_FAMILY : PENANG_CHINESE_FAMILY,
      );
      const [gn, gr] = rng.pick(SEA_CHINESE_GIVEN);
      return { fullName: `${fn} ${gn}`, given: gr, family: fr };
    }
    case 'malay': {
      const male = rng.chance(0.5);
      const [gn, gr] = rng.pick(male ? MALAY_MALE : MALAY_FEMALE);
      const [father, fr] = rng.pick(MALAY_FATHER);
      return { fullName: `${gn} ${male ? 'bin' : 'binti'} ${father}`, given: gr, family: fr };
    }
    case 'indian-sg':
    case 'indian-my': {
      const male = rng.chance(0.5);
      const [gn, gr] = rng.pick(male ? INDIAN_MALE : INDIAN_FEMALE);
      const [father, fr] = rng.pick(INDIAN_FATHER);
      const link = culture === 'indian-sg' ? (male ? 's/o' : 'd/o') : male ? 'a/l' : 'a/p';
      return { fullName: `${gn} ${link} ${father}`, given: gr, family: fr };
    }
    case 'ph': {
      const [gn, gr] = rng.pick(PH_FIRST);
      const [fn, fr] = weightedPick(rng, PH_FAMILY);
      return { fullName: `${gn} ${fn}`, given: gr, family: fr };
    }
    case 'vn': {
      const [fn, fr] = weightedPick(rng, VN_FAMILY);
      const [gn, gr] = rng.pick(rng.chance(0.5) ? VN_MALE : VN_FEMALE);
      return { fullName: `${fn} ${gn}`, given: gr, family: fr };
    }
    case 'id': {
      const [gn, gr] = rng.pick(ID_FIRST);
      if (rng.chance(0.15)) return { fullName: gn, given: gr, family: '' };
      const [fn, fr] = weightedPick(rng, ID_FAMILY);
      return { fullName: `${gn} ${fn}`, given: gr, family: fr };
    }
  }
}

/** 'Yi-Chun', 'Chen' → 'yichun.chen' (ASCII letters only). */
export function emailLocalPart(name: PersonName): string {
  const clean = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
  const given = clean(name.given);
  const family = clean(name.family);
  return family ? `${given}.${family}` : given;
}
