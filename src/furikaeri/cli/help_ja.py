"""The command line's help in Japanese: shown by ``--help`` when the system speaks Japanese
(a ``ja`` locale). DOCS: each command's help, by its path under ``furikaeri`` ("" is the group
itself; a help without examples shows the English help's, which need no translation);
OPTIONS: each option's help, by its English text (an English text changed without its
Japanese here fails a test)."""

from __future__ import annotations

DOCS: dict[str, str] = {
    "": """furikaeri（振り返り）: オフラインの模擬面接コーチです。

    質問に声に出して答えると、話す速さ、フィラー、間（ま）、質問の持ち時間に対する
    回答の長さをまとめた話し方のレポートが表示されます。直す点を書き留めて、上達の様子を
    確かめられます。処理はすべてこのコンピューター上で行います（Whisper も、記録を保存する
    SQLite データベースもローカルです）。

    \b
    例:
      furikaeri analyze answer.wav                 # 録音した回答のレポート
      furikaeri analyze answer.m4a --language ja --budget 60
      furikaeri record --question "自己紹介をお願いします"
      furikaeri practice --set ja-basic            # 練習セッション
      furikaeri progress                           # 上達の推移
    """,
    "analyze": """録音した回答を分析し、各回答の話し方レポートを表示します。

    質問の持ち時間に照らして、回答の長さ、話し始めまでの時間、話す速さ（語/分。日本語では
    拍/秒と字/分）、フィラー、無音の間（ま）を測定します。
    対応形式: wav、flac、mp3、m4a、ogg（サンプリング周波数は 4 kHz 以上、モノラルとステレオの
    どちらにも対応）。処理はすべてオフラインで行います。

    \b
    例:
      furikaeri analyze answer.wav
      furikaeri analyze answer.m4a --language ja --budget 60
      furikaeri analyze take1.wav take2.wav --json
      furikaeri analyze answer.wav --question "当社の志望動機を教えてください" --save --note "結論から話す"
    """,
    "models": """オフラインの Whisper モデルを表示します。必要に応じて既定のモデルを組み立てます。

    モデルを置くフォルダは、環境変数 FURIKAERI_MODELS で指定できます（未設定なら既定のフォルダ）。
    環境変数 FURIKAERI_MODEL は、--model を指定しないときに analyze・record・practice が使う
    モデルです（未設定なら base）。

    \b
    例:
      furikaeri models
      furikaeri models --verify
    """,
    "history": """練習のセッションと回答を、新しい順に表示します。

    \b
    例:
      furikaeri history
      furikaeri history -n 5 --json
      furikaeri history --company "Acme" --since 2026-11-01
      furikaeri history -q gakuchika
      furikaeri history --interviews --company "さくら商事"
    """,
    "show": """回答のレポート全文を、メモと前回との比較つきで表示します。

    その前に記録した本番の面接で同じ質問をされていれば、その「直すこと」を、保存したときと
    同じようにこの回答で確かめます。

    \b
    例:
      furikaeri show 12
      furikaeri show 12 --json
    """,
    "compare": """回答2つ、セッション2つ、または同じ質問の回答を比べます。

    回答は回答番号で指定します。各項目の変化、メモに書いた改善ができたかどうか、話した内容の
    違い（削った言葉と加えた言葉）を表示します。

    \b
    例:
      furikaeri compare 3 7
      furikaeri compare --question jiko-pr
      furikaeri compare --question "自己紹介をお願いします" --first
      furikaeri compare --sessions 1 2
    """,
    "progress": """各項目の推移を、質問ごとと全体で表示します。グラフ、傾向、自己ベストを示します。

    \b
    例:
      furikaeri progress
      furikaeri progress --question jiko-pr
      furikaeri progress --since 2026-11-01 --json
      furikaeri progress --company "さくら商事" -q jiko-pr
    """,
    "export": """記録全体を書き出します。形式は JSON（全データ）、CSV（回答1件に
    つき1行）、Markdown（日誌形式）です。

    --format を指定しないと、--out のファイルの拡張子（.csv、.md、.json。それ以外は JSON）で
    形式を決めます。拡張子と食い違う --format を指定すると、何も書き出さずに止まります。

    \b
    例:
      furikaeri export --format md --out journal.md
      furikaeri export --format csv -o answers.csv
      furikaeri export > archive.json
      furikaeri export --company "さくら商事" -o sakura.csv
      furikaeri export --since 2026-11-01 --format md
    """,
    "devices": """入力デバイス（マイク）を一覧表示します。既定のデバイスには * が付きます。

    表示された番号か名前を、`record --device` や `mic-check --device` で指定します。入力
    デバイスが1つもないときは、終了コード 1 で終了します。

    \b
    例:
      furikaeri devices
      furikaeri devices --json
    """,
    "mic-check": """マイクの音を数秒間聞き取り、入力レベルを判定します。

    レベルが良好か、小さすぎるか、音割れしているか、無音（ミュート、またはデバイスの
    間違い）かを、雑音レベルとあわせて表示します。聞き取っている間に、面接で話すときの声で
    一文話してください。終了コードはレベルが良好なら 0、そうでなければ 1 です（理由は結果に
    表示されます）。これを使えば、セッションの前にスクリプトでマイクを確認できます。

    \b
    例:
      furikaeri mic-check
      furikaeri mic-check --device 2 --seconds 5
      furikaeri mic-check --json
    """,
    "record": """マイクで回答を1つ録音し、`analyze` と同様に分析します。

    端末では、質問、持ち時間に対する経過時間、レベルメーターが表示されます。答え終わったら
    Enter（または Ctrl-C）を押してください。ひと続きの発話は間（ま）を置いた時点ですぐに
    文字起こしされるため、録音を終えてから1〜2秒でレポートが表示されます。端末がない
    場合は --max-seconds か --stop-after-silence の条件を満たすまで録音します（--max-seconds を
    指定しない場合は最長10分）。録音は話している間にディスクへ書き込まれます。プログラムが強制終了
    されても、次の `record`（または `furikaeri recover`）で修復されます。--save を付けると
    `analyze --save` と同じく回答が記録（history、progress、compare の対象）に保存されます。
    付けない場合は、録音ファイルだけが残ります。

    \b
    例:
      furikaeri record --question "自己紹介をお願いします" --budget 60
      furikaeri record --language ja --stop-after-silence 4
      furikaeri record --budget 60 --live-hints
      furikaeri record --device 2 --max-seconds 60 --out answer.wav --json
      furikaeri record -q jikoshokai --save --note "結論から話す"
    """,
    "recover": """強制終了やクラッシュで中断された録音を修復します。

    録音は録りながらディスクに書き込まれるため、クラッシュしても直前までの音声は残って
    います。このコマンドはファイルのヘッダーを直し、どのプログラムでも読めるようにします。フォルダ
    の既定は、データフォルダの takes（record の録音）と audio（practice の録音）です。いま
    録音中のものには手を付けません。フォルダの代わりに WAV ファイルを指定すると、中断の理由を
    問わずそのファイルを修復します。ただし、録音の途中で切れたコピー（ヘッダーの長さがファイルの
    中身より長いもの）には手を付けません。

    \b
    例:
      furikaeri recover
      furikaeri recover ./my-takes --json
      furikaeri recover take-20261201-093000.wav
    """,
    "practice": """質問セットで練習します。各質問に答え、レポートを見て、直す点を書き留めます。

    以前に答えた質問では、回答の前に前回の数値とメモを表示し、回答の後にはメモで狙った点が
    変わったかどうかを表示します。続いて、うまくいかなかった点、原因、次回やることを尋ねます
    （どれも任意で、Enter で省略できます）。すべて記録に保存されます。録音中に Enter を押すと、
    その回答を終えて次に進みます。Ctrl-C を押すと、その回答を終え、保存が済んだところで
    セッションも終了します。

    --language は回答の言語、--lang はその前後に表示する案内・メモ・まとめの言語です（各回答の
    レポートは、その回答の言語で表示されます）。
    """,
    "reflect": """本番の面接が終わったらすぐ、記憶が薄れる前に記録します。

    記録するのは、聞かれた質問、自分の回答、面接官の反応、修正点です。記録した質問は、
    その企業の練習用の質問になります（`practice --company`）。

    --interview N を付けると、新しく記録する代わりに面接記録 N を補ったり直したりします。指定した
    項目は置き換え（"" で消去）、--question/--answer は質問に追加します（記録済みの質問なら、その回答を指定した
    回答に置き換えます）。端末で項目を何も指定しないときは、
    各項目と各質問・回答を今の内容を既定値として順に尋ね（Enter でそのまま、空白だけで消去）、
    続けて追加の質問を尋ねます。

    \b
    例:
      furikaeri reflect                       # 対話形式で順に入力
      furikaeri reflect -c "Acme" --stage first -q "Why do you want to work here?" \\
          -a "their mission" --reaction "asked for examples" --to-fix "lead with the point"
      furikaeri reflect -c "さくら商事" --stage 一次面接 -q "ガクチカを教えてください" \\
          -a "サークルの新歓" --reaction "深掘りが多かった" --to-fix "結論から話す"
      furikaeri reflect --interview 4 --reaction "理由を深掘りされた" --to-fix "例え話は理由を2つ"
    """,
    "delete": """回答（メモごと）または面接記録を削除します。

    間違えて保存した回答（別の質問として分析したもの、試しに録ったもの、重複）のためのコマンドです。
    回答がなくなったセッションも削除します。録音ファイルはディスクに残します（その場所を表示します）。
    端末では削除の前に確認します。スクリプトでは --yes を付けます。
    """,
    "note": """回答の振り返りメモを追加・編集します。

    オプションを指定しない場合は、項目ごとに現在の内容を既定値として入力を求めます（--json の
    ほかにオプションがない場合は、メモを現在の内容のまま出力します）。Enter だけならその項目はそのまま、
    スペース1つだけを入力すると消去されます。オプションに空の文字列を指定した場合（--why ""）も
    その項目は消去されます。

    \b
    例:
      furikaeri note 12 --next "結論から話す"
      furikaeri note 12 --wrong "40秒オーバーした" --why "背景の説明が長すぎた"
      furikaeri note 12                    # 対話形式で編集
    """,
    "questions": """質問セットと企業研究を管理します。サブコマンドなしですべてのセットを一覧表示する
    ほか、1つのセットの表示、自作セットの追加、ひな形からの作成ができます。

    自作のセットと企業ファイル（TOML）は、データフォルダの `questions` フォルダに置かれます。作成の
    もとになるひな形は `furikaeri questions template` で出力できます。

    \b
    例:
      furikaeri questions
      furikaeri questions show ja-basic
      furikaeri questions template --company "さくら商事" --lang ja > sakura.toml
      furikaeri questions add sakura.toml
      furikaeri questions company "さくら商事"
    """,
    "questions show": """セットまたは企業の質問を表示します。持ち時間とヒントも示します。

    企業の質問は、企業ファイルの質問と、`reflect` で記録した面接で聞かれた質問です。

    \b
    例:
      furikaeri questions show en-basic
      furikaeri questions show ja-basic --json
    """,
    "questions add": """質問セットか企業ファイル（TOML）を検査して取り込みます。

    \b
    例:
      furikaeri questions add my-set.toml
      furikaeri questions add sakura.toml --replace
    """,
    "questions remove": """自作の質問セットか企業ファイルを削除します（回答と面接記録は残ります）。

    企業ファイルを追加したときに記録へ取り込んだ企業研究メモは、記録に残ります（export と
    `questions company` で表示）。--notes を付けるとメモも削除します。ファイルを削除した後でも、
    --notes だけでメモを削除できます。

    \b
    例:
      furikaeri questions remove my-set
      furikaeri questions remove "さくら商事" --yes
      furikaeri questions remove "さくら商事" --notes --yes
    """,
    "questions template": """自作セットや企業研究用の TOML ひな形を出力します。

    \b
    例:
      furikaeri questions template > my-set.toml
      furikaeri questions template --company "さくら商事" --lang ja > sakura.toml
    """,
    "questions company": """企業の研究メモ、練習用の質問、記録した面接を表示します。

    \b
    例:
      furikaeri questions company "さくら商事"
      furikaeri questions company Acme --json
    """,
}

OPTIONS: dict[str, str] = {
    # questions template --lang
    "The template's language [default: your system's].":
        "ひな形の言語（既定: システムの言語）。",
    # delete --interview, --yes
    "NUMBER is a logged interview's, not an answer's.":
        "番号を回答ではなく面接記録の番号とする。",
    "Do not ask first (for scripts).":
        "確認せずに削除する（スクリプト向け）。",
    # questions remove --notes
    "A company's: also clear its research notes kept in your archive (copied there from its file).":
        "企業ファイルの場合: 記録に取り込み済みの企業研究メモも削除する（ファイルから記録へ写したもの）。",
    # furikaeri --version
    "Show the version and exit.":
        "バージョンを表示して終了する。",
    # furikaeri --home
    "Where your archive lives [default: $FURIKAERI_HOME, else your user data folder].":
        "記録の保存場所（既定: $FURIKAERI_HOME、未設定ならユーザーのデータフォルダ）。",
    # every command's --help
    "Show this message and exit.":
        "このメッセージを表示して終了する。",
    # analyze/record/practice --language
    "Answer language.":
        "回答の言語。",
    # analyze/record/practice --budget
    "The question's time budget in seconds (90, 90s, 2m, 1:30) [default: the question's own, else the "
    "time its words ask for (\"in two minutes\", 1分で), else the default for its kind (questions for the "
    "interviewer 45\u00a0s, a self-introduction 90\u00a0s; 30\u00a0s each in Japanese), else 120\u00a0s "
    "in English, 60\u00a0s in Japanese].":
        "質問の持ち時間の秒数（90、90s、2m、1:30、1分30秒、1分半 など。既定: 質問に設定された値、なければ質問文が"
        "求める時間（「1分で」「in two minutes」）、それもなければ質問の種類ごとの既定値（日本語は逆質問・自己紹介とも"
        "30秒、英語は逆質問45秒・自己紹介90秒）、それもなければ英語は120秒、日本語は60秒）。",
    # analyze/record/practice --model
    "Whisper model: base, tiny.en, a folder path, or a cached faster-whisper name "
    "[default: $FURIKAERI_MODEL, else base].":
        "Whisper モデル: base、tiny.en、フォルダのパス、またはキャッシュ済みの faster-whisper のモデル名"
        "（既定: $FURIKAERI_MODEL、未設定なら base）。",
    # analyze/record/practice --json
    "Print JSON for scripts instead of the report (schema in the README).":
        "レポートの代わりに、スクリプト向けの JSON を出力する（スキーマは README を参照）。",
    # analyze --question
    "The question this answers: its text, or a set question's id or key (jikoshokai, en-basic:intro), "
    "which brings its budget. Shown in the report, saved with --save.":
        "回答した質問: 質問文か、セットの質問の ID またはキー（jikoshokai、en-basic:intro。"
        "その質問の持ち時間も使われる）。レポートに表示され、--save で一緒に保存される。",
    # analyze --cut-off
    "The recording stopped before the answer ended (a crash, a kill, the microphone gone): "
    "where the speech runs to its end, the answer's length is not judged, nor coached as short.":
        "回答の途中で録音が止まった（クラッシュ、強制終了、マイクの切断など）: 話し声が録音の最後まで"
        "続いているときは、回答の長さを判定せず、短すぎるとも指摘しない。",
    # analyze/record --save
    "Save the analysed answer in your practice archive.":
        "分析した回答を練習の記録に保存する。",
    # analyze/record --session
    "With --save: the practice session's name [default: today's date, after the company's name for a company's "
    "question].":
        "--save と併用: 練習セッションの名前［既定: 今日の日付。企業の質問なら企業名と日付］。",
    # analyze/record --note
    "With --save: what to do next time (the reflection the next attempt is checked against).":
        "--save と併用: 次にどうするか（次の回答で確かめる振り返りメモ）。",
    # analyze/record --wrong
    "With --save: what went wrong (the reflection's first part).":
        "--save と併用: うまくいかなかったこと（振り返りの最初の項目）。",
    # analyze/record --why
    "With --save: why it went wrong.":
        "--save と併用: その理由。",
    # models --verify
    "Re-hash every file against its checksum.":
        "すべてのファイルのハッシュを計算し直し、チェックサムと照合する。",
    # models --json
    "Print JSON.":
        "JSON を出力する。",
    # export --lang
    "The same as --format json (as the other commands' --json).":
        "--format json と同じ（ほかのコマンドの --json と同じく）。",
    "Language of the words: md's labels [default: the answers' language]; for csv, ja gives a Japanese "
    "header and the program's words in Japanese in its cells [default: the column keys and codes, "
    "which scripts read].":
        "表示の言語。md では見出しと項目名（既定: 回答の言語）。csv では ja を指定すると、見出し行とプログラムが"
        "出力する語が日本語になる（既定: スクリプトが読む英語の列名とコード）。",
    # history --limit
    "Sessions (with --interviews: interviews) to show, newest first.":
        "表示するセッションの数（--interviews では面接の数）。新しいものから表示する。",
    # history --company, --question, --since
    "Only sessions practised for this company (with --interviews: its interviews).":
        "この企業のために練習したセッションだけ（--interviews では、その企業の面接記録だけ）。",
    "Only answers to this question (id, key or text).":
        "この質問への回答だけ（ID、キー、または質問文）。",
    "Only answers (with --interviews: interviews) from this date on (YYYY-MM-DD, or yesterday).":
        "この日以降の回答だけ（--interviews では面接記録だけ。YYYY-MM-DD、または「昨日」）。",
    # history --interviews
    "List the logged real interviews instead.":
        "代わりに、記録した本番の面接を一覧表示する。",
    # history/compare/progress/export/reflect/note --lang
    "Label language [default: the answers' language].":
        "表示言語（既定: 回答の言語）。",
    # questions --lang
    "Language of the headings [default: your saved answers', else your system's]; "
    "each set's questions stay in the set's own language.":
        "見出しの言語（既定: 保存した回答の言語、なければシステムの言語）。セットの質問は、そのセットの言語のまま表示する。",
    # questions company --lang
    "Language of the headings [default: your saved answers', else your system's]; "
    "the company file's questions stay in the file's own language.":
        "見出しの言語（既定: 保存した回答の言語、なければシステムの言語）。企業ファイルの質問は、そのファイルの言語のまま表示する。",
    # questions show --lang
    "Language of the headings [default: the set's own language].":
        "見出しの言語（既定: そのセットの言語）。",
    # history/show/compare/progress/reflect/note/questions/questions show/questions company --json
    "Print one JSON document.":
        "1つの JSON ドキュメントとして出力する。",
    # show --lang
    "Language of the header, note and comparison [default: the answer's]; "
    "the report itself is written in the answer's language.":
        "見出し・メモ・比較の言語（既定: その回答の言語）。レポート本体は回答の言語で表示する。",
    # compare --sessions
    "A and B are sessions (ids or names).":
        "A と B をセッション（ID または名前）として扱う。",
    # compare --question
    "Compare the last two attempts at a question (id, key like ja-basic:jiko-pr, or text).":
        "ある質問への直近2回の回答を比べる（ID、ja-basic:jiko-pr のようなキー、または質問文で指定）。",
    # compare --first
    "With --question: the first attempt against the latest.":
        "--question と併用: 最初の回答と最新の回答を比べる。",
    # progress --question
    "Only this question (id, key or text).":
        "この質問だけを対象にする（ID、キー、または質問文）。",
    # progress --since
    "Only answers from this date on (YYYY-MM-DD, or yesterday).":
        "この日付以降の回答だけを対象にする（YYYY-MM-DD、または「昨日」）。",
    # progress --company
    "Only answers practised for this company.":
        "この企業のために練習した回答だけを対象にする。",
    # export --company
    "Only this company's: the answers practised for it, its logged interviews and its research.":
        "この企業の分だけを書き出す（この企業のために練習した回答、面接記録、企業研究メモ）。",
    # export --since
    "Only answers and logged interviews from this date on (YYYY-MM-DD, or yesterday).":
        "この日付以降の回答と面接記録だけを書き出す（YYYY-MM-DD、または「昨日」）。",
    # export --format
    "What to write: json (everything), csv (one row per answer), md (a practice journal).":
        "書き出す形式: json（全データ）、csv（回答1件につき1行）、md（練習の日誌）。",
    # export --out
    "Write to this file ('-': print, as without it) [default: print].":
        "このファイルに書き出す（「-」は標準出力。既定: 標準出力）。",
    # devices --json
    "Print the devices as JSON.":
        "デバイスを JSON で出力する。",
    # mic-check/record --device
    "Input device (see `furikaeri devices`).":
        "入力デバイス（`furikaeri devices` を参照）。",
    # mic-check --seconds
    "How long to listen. Speak during the check.":
        "聞き取る時間。チェック中に話すこと。",
    # mic-check --json
    "Print the level report as JSON.":
        "レベルの判定結果を JSON で出力する。",
    # mic-check --lang
    "Language of the verdict [default: your system's].":
        "判定結果の言語（既定: システムの言語）。",
    # record --question
    "The question you answer (shown while recording and in the report): its text, "
    "or a set question's id or key, which brings its budget.":
        "答える質問（録音中とレポートに表示）: 質問文か、セットの質問の ID またはキー"
        "（その質問の持ち時間も使われる）。",
    # record --max-seconds
    "Stop a recording after this long [default: none in a terminal; without one, 10 minutes, "
    "with or without a silence stop].":
        "1回の録音をこの長さで止める（既定: 端末では制限なし。端末でなければ、無音での停止の"
        "有無にかかわらず10分）。",
    # record --stop-after-silence, practice --stop-after-silence
    "Stop a recording once you have spoken and then been silent this long [default: off].":
        "話したあと、この秒数だけ無音が続いたら録音を止める（既定: オフ）。",
    # record --out
    "Where to save the take (WAV) [default: a timestamped file in <data dir>/takes].":
        "録音（WAV）の保存先（既定: データフォルダの takes 内の日時付きのファイル）。",
    # record --live-hints
    "Show a running filler count and a 'wrap up' cue as the budget nears, while you speak.":
        "話している間、その時点までのフィラーの回数と、持ち時間が近づいたら"
        "「そろそろまとめましょう」の合図を表示する。",
    # record --stream
    "Transcribe while you speak, so the report is ready when you stop; "
    "--no-stream analyses the whole take afterwards.":
        "話しながら文字起こしし、話し終えた時点でレポートを用意する（--no-stream では、録音全体を"
        "終了後に分析する）。",
    # recover --json
    "Print the repaired takes as JSON.":
        "修復した録音を JSON で出力する。",
    # practice --set
    "Question set (see `furikaeri questions`) [default: by --language, else your system's language].":
        "質問セット（`furikaeri questions` を参照。既定: --language に応じたセット、指定がなければシステムの言語のセット）。",
    # practice --company
    "Practise a company's questions (its file and your logged interviews).":
        "企業の質問（企業ファイルと、記録した面接の質問）で練習する。",
    # practice --only
    "Only these question ids of the set, in this order (repeatable).":
        "セットのうち、指定した ID の質問だけをこの順番で出す（複数指定可）。",
    # practice --limit
    "At most N questions.":
        "最大 N 問。",
    # practice --shuffle
    "Mix the order.":
        "順番をシャッフルする。",
    # practice --session
    "Session name [default: the set, or the company, and the date].":
        "セッション名（既定: セット名または企業名と日付）。",
    # practice --from-files
    "Answer with the audio FILES (or a directory of them) in order instead of the microphone.":
        "マイクの代わりに、音声ファイル（またはそれらを入れたフォルダ）を順に回答として使う。",
    # practice --note
    "A note (what to do next time) for one answer; repeat it, one per answer in order "
    "(the first --note goes with the first answer).":
        "回答1つに付けるメモ（次回やること）。回答ごとに1つずつ、回答の順に指定する（最初の --note は最初の回答に付く）。",
    # practice --reflect
    "Ask for a reflection after each answer [default: when run in a terminal].":
        "各回答の後に振り返りを尋ねる（既定: 端末で実行したとき）。",
    # practice --device
    "Microphone (index or name; see `furikaeri devices`).":
        "マイク（番号または名前。`furikaeri devices` を参照）。",
    # practice --max-seconds
    "Stop a recording after this long [default: twice the budget, and 30 s at least].":
        "1回の録音をこの長さで止める（既定: 持ち時間の2倍。ただし最短30秒）。",
    # practice --live-hints
    "While you answer, show a running filler count and a 'wrap up' cue as the budget nears.":
        "回答中に、その時点までのフィラーの回数と、持ち時間が近づいたら"
        "「そろそろまとめましょう」の合図を表示する。",
    # practice --lang
    "Language of the prompts and summaries [default: the set's].":
        "案内とまとめの言語（既定: セットの言語）。",
    # practice/reflect/note --now
    "Pretend it is this time (ISO 8601): for scripts and tests.":
        "この時刻（ISO 8601）であるものとして動作する（スクリプトやテスト用）。",
    # reflect --company
    "The company.":
        "企業名。",
    # reflect --date
    "When it was held (YYYY-MM-DD, or yesterday) [default: today; asked when prompting].":
        "面接の実施日（YYYY-MM-DD か「昨日」。既定: 今日。対話形式では入力を求める）。",
    # reflect --stage
    "Which round: 一次面接, final, …":
        "選考段階（一次面接、最終面接など）。",
    # reflect --question
    "A question they asked (repeatable, in order).":
        "聞かれた質問（複数指定可、聞かれた順に指定）。",
    # reflect --answer
    "What you answered, one per --question.":
        "自分の回答（--question 1つにつき1つ）。",
    # reflect --reaction
    "How the interviewer reacted.":
        "面接官の反応。",
    # reflect --went-well
    "What went well.":
        "良かった点。",
    # reflect --to-fix
    "What to fix next time.":
        "次回に向けた修正点。",
    # reflect --recording
    "A recording of the interview to keep with it.":
        "記録と一緒に保存する面接の録音。",
    # reflect --prompt
    "Ask for everything interactively [default: when run in a terminal with no --question].":
        "すべての項目を対話形式で尋ねる（既定: 端末で実行し、--question を指定しないとき）。",
    # reflect --interview
    "Complete or correct the logged interview with this number (see `history --interviews`).":
        "この番号の面接記録を補う・直す（番号は `history --interviews` で確認）。",
    # note --wrong
    "What went wrong.":
        "うまくいかなかった点。",
    # note --why
    "Why.":
        "原因。",
    # note --next
    "What to do next time.":
        "次回やること。",
    # questions --verbose
    "List every question.":
        "すべての質問を一覧表示する。",
    # questions add --replace
    "Overwrite a file of the same name.":
        "同じ名前のファイルを上書きする。",
    # questions template --company
    "A company file for this company instead of a question set.":
        "質問セットの代わりに、指定した企業の企業ファイルを出力する。",
}
