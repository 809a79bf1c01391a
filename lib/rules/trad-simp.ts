/**
 * A small traditional → simplified table for characters common in policy texts and everyday writing.
 * Only one-to-one pairs whose simplified form is unambiguous in context are listed (e.g. 乾/幹/干 and 後/后
 * are one-way safe; 著/着 and 髮/發 collisions are avoided), so folding never merges two unrelated words.
 * Both sides are single BMP characters: folding keeps string length, so match offsets map back 1:1.
 */
const PAIRS =
  '國国會会發发經经濟济黨党權权義义產产業业設设體体現现實实進进學学習习對对開开關关係系為为們们這这個个來来時时說说過过後后還还' +
  '動动務务區区勞劳與与萬万億亿傳传價价優优倫伦側侧偵侦偽伪僅仅僑侨儉俭兒儿內内兩两冊册凈净' +
  '則则剛刚創创劃划劇剧劍剑勝胜勢势勵励匯汇協协單单衛卫廠厂厲厉參参雙双變变叢丛號号' +
  '員员問问啟启嚴严團团園园圍围圖图圓圆堅坚報报場场塊块塵尘壓压壯壮壽寿夢梦夾夹奮奋婦妇媽妈' +
  '孫孙寧宁審审寫写寶宝將将專专尋寻導导屆届層层屬属歲岁島岛嶺岭幣币師师帶带幫帮幹干廣广' +
  '廢废廳厅彈弹強强歸归徑径從从復复徵征態态慮虑慣惯憲宪戰战戲戏執执擁拥擇择擊击擔担據据擴扩攜携' +
  '收收敵敌數数斷断於于晉晋曉晓書书會会條条東东極极構构標标樣样樹树橋桥機机檢检權权歡欢' +
  '歷历殘残毀毁氣气決决況况減减溫温準准滅灭滬沪漢汉濱滨濟济灣湾災灾為为無无煙烟熱热燈灯營营' +
  '爭争爺爷獎奖獨独環环現现璽玺產产畫画當当疊叠療疗發发盡尽監监盤盘眾众礎础確确禮礼禍祸' +
  '種种稱称穩稳窮穷競竞筆笔節节範范築筑簡简籃篮糧粮約约紀纪級级紅红納纳純纯紙纸組组細细終终' +
  '結结絕绝統统絲丝經经綜综綠绿維维網网緊紧線线締缔編编緣缘練练縣县總总績绩繁繁織织繼继續续' +
  '罰罚羅罗聖圣聯联聲声職职聽听肅肃脅胁脈脉腦脑膽胆臨临興兴舉举艦舰藝艺蘇苏處处號号' +
  '衝冲補补裝装製制複复見见規规視视覺觉親亲觀观計计訂订認认討讨訓训託托記记訪访設设許许' +
  '訴诉診诊評评詞词試试詩诗話话該该詳详誌志認认誤误說说誰谁課课調调談谈請请論论諸诸' +
  '謀谋講讲謝谢證证識识譯译議议護护讀读變变讓让財财貢贡責责貨货質质貿贸費费資资賊贼' +
  '賓宾賞赏賢贤賴赖購购贏赢贊赞趕赶趨趋跡迹踐践車车軍军軟软載载輔辅輕轻輝辉輸输轉转' +
  '辦办農农連连週周運运過过達达違违遙遥適适遠远遷迁選选遺遗邊边鄉乡鄰邻醫医釋释' +
  '針针鋼钢錄录錢钱錯错鍵键鎮镇鐵铁鑒鉴長长門门閉闭開开閑闲間间閱阅闊阔關关闡阐' +
  '陣阵陳陈陸陆陽阳隊队階阶際际隨随險险隱隐雜杂離离難难雲云電电靈灵靜静' +
  '韓韩響响頁页頂顶項项順顺須须預预領领頭头頻频題题額额願愿類类顧顾顯显風风飛飞' +
  '飯饭飲饮館馆養养驗验驅驱騰腾體体髮发鬥斗魚鱼鳥鸟鹽盐麗丽黃黄齊齐齒齿龍龙龜龟' +
  '億亿傷伤傑杰備备僱雇價价儀仪償偿優优儲储兌兑兇凶黨党倆俩' +
  '勁劲務务勸劝匱匮區区卻却厭厌縮缩聞闻藥药蘭兰蟲虫襲袭覽览訊讯豐丰貧贫賣卖買买質质' +
  '輿舆辭辞鄧邓醜丑鍛锻鑄铸閣阁陰阴雞鸡餘余馬马驚惊鬧闹' +
  // Units of amounts (5.2萬畝, 3000噸, 120輛, 50臺, 8公頃) and report vocabulary seen on big5 gateway pages.
  '畝亩噸吨輛辆臺台頃顷劑剂廈厦穀谷銜衔駐驻遼辽貴贵閩闽贛赣魯鲁瓊琼隴陇佔占採采濕湿燦灿爛烂纖纤輯辑' +
  '鬱郁攝摄攤摊灘滩蕩荡攬揽攔拦摯挚撐撑撫抚擋挡擠挤涼凉淨净灑洒貳贰' +
  '貼贴樑梁漬渍糞粪廁厕繞绕懸悬橫横縱纵嚮向樸朴噴喷塗涂廬庐闆板閘闸鹼碱鏽锈飼饲餵喂臟脏腎肾膚肤癥症瘡疮癱瘫瘓痪' +
  // Speech vocabulary (讲话、会议、乡镇、干部、作风…) added for the rules' normalisation layer.
  '點点應应幾几壞坏鬆松衆众綱纲慶庆礙碍獻献讚赞滿满雖虽奪夺燒烧煉炼蓋盖紮扎紐纽遞递輪轮邁迈鏈链礦矿鐘钟嗎吗彙汇籌筹頓顿頒颁佈布獲获穫获懲惩銷销賬账債债稅税測测澇涝爐炉裏里裡里墾垦羣群負负脫脱鞏巩絡络豬猪鴨鸭漁渔術术語语漲涨貸贷憂忧懼惧寬宽敗败貪贪潔洁韌韧鋒锋壘垒綫线麼么並并隻只繫系儘尽給给啓启舊旧擬拟藍蓝貫贯徹彻謹谨緻致揮挥憶忆懷怀懇恳誠诚虛虚惡恶積积庫库揚扬闖闯擺摆擾扰撥拨損损換换搶抢檔档汙污沒没澤泽牆墙狀状畢毕異异碼码簽签糾纠紛纷紹绍緒绪緩缓繳缴艱艰莊庄華华葉叶虧亏詢询諾诺譜谱譽誉賀贺躍跃軌轨較较轄辖郵邮銀银陝陕顆颗顏颜鮮鲜齡龄訪访謂谓認认誌志衆众戶户錄录鍊炼鄰邻隊队險险稱称樓楼鋪铺飯饭層层壯壮邀邀談谈緝缉屬属溝沟傾倾藉藉蘊蕴彈弹災灾頒颁驟骤樂乐氾泛兇凶嚴严偉伟創创捨舍';

function buildTable(): Map<string, string> {
  const table = new Map<string, string>();
  const chars = [...PAIRS];
  if (chars.length % 2 !== 0) throw new Error('trad-simp: PAIRS must hold an even number of characters');
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const [trad, simp] = [chars[i], chars[i + 1]];
    const known = table.get(trad);
    if (known !== undefined && known !== simp) throw new Error(`trad-simp: ${trad} maps to both ${known} and ${simp}`);
    if (trad !== simp) table.set(trad, simp);
  }
  return table;
}

export const TRAD_TO_SIMP: ReadonlyMap<string, string> = buildTable();
